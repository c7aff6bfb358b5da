package dev.benchdeck.driver.llm;

import dev.benchdeck.driver.http.template.Template;
import dev.benchdeck.engine.driver.RequestContext;
import java.util.List;
import java.util.SplittableRandom;

/** Where each request's prompt comes from: a template, synthetic words, or a dataset's lines. */
interface PromptSource {

    String prompt(RequestContext context);

    /** A template with placeholders (${seq}, ${user}, ${data.col}…). */
    static PromptSource template(Template template) {
        return template::renderText;
    }

    /**
     * A synthetic prompt of {@code mean ± spread} words (uniform), the same for the same request
     * sequence number and seed, so runs can be compared.
     */
    static PromptSource synthetic(int mean, int spread, long seed) {
        return context -> {
            SplittableRandom random = new SplittableRandom(seed ^ (context.sequence() * 0x9E3779B97F4A7C15L));
            int words = Math.max(1, mean + (spread == 0 ? 0 : random.nextInt(-spread, spread + 1)));
            StringBuilder text = new StringBuilder(words * 7);
            for (int i = 0; i < words; i++) {
                if (i > 0) {
                    text.append(' ');
                }
                text.append(SyntheticWords.WORDS[random.nextInt(SyntheticWords.WORDS.length)]);
            }
            return text.toString();
        };
    }

    /** The prompts of a dataset, in turn by request sequence number. */
    static PromptSource cycling(List<String> prompts) {
        List<String> copy = List.copyOf(prompts);
        return context -> copy.get((int) Math.floorMod(context.sequence(), (long) copy.size()));
    }

    /** Common English words for synthetic prompts (about one token each). */
    final class SyntheticWords {
        static final String[] WORDS = ("the of and to in is was for that with on as by at from this be have are or not it "
                + "which an but they all were when there can more one about other time some what into if only new would "
                + "these two may first then do any like my now over such our man me even most made after also did many "
                + "before must through back years where much your way well down should because each just those people "
                + "how too little state good very make world still own see men work long get here between both life being "
                + "under never day same another know while last might us great old year off come since against go came "
                + "right used take three system table query latency stream token server request answer measure").split(" ");

        private SyntheticWords() {
        }
    }
}
