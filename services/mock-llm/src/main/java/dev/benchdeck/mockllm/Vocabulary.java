package dev.benchdeck.mockllm;

import java.util.random.RandomGenerator;

/** The words of generated text; one token is one word with its leading space. */
final class Vocabulary {

    private static final String[] WORDS = ("""
            the a an of to in on for with by from at as is are was be been has have had will can may
            should would could must not and or but so then when while because after before during until
            benchmark latency throughput request response stream token chunk server client model prompt
            answer question result value number table index query cache queue worker thread process
            signal metric sample percentile median average spread window interval second minute hour
            system service cluster node region network packet socket buffer memory disk storage record
            field column row batch pipeline stage step task job run plan target workload report chart
            quick slow steady bright quiet careful simple small large early late first last next other
            every each many few more most less least good better best clear exact rough fair plain
            river mountain forest garden window kitchen library market harbor station bridge valley
            morning evening winter summer autumn spring weather cloud rain snow wind light shadow stone
            paper pencil letter story chapter page word sentence idea reason method measure test check
            build write read send open close start stop wait follow change keep find show give take
            make move turn hold carry bring learn teach listen watch notice remember explain compare
            engineer designer teacher student traveler neighbor friend family team group crowd people
            often rarely always never soon later again together apart almost nearly quite rather very
            """).strip().split("\\s+");

    private Vocabulary() {
    }

    static int size() {
        return WORDS.length;
    }

    /** {@code count} random tokens, each a space and a word. */
    static String tokens(int count, RandomGenerator random) {
        StringBuilder text = new StringBuilder(count * 8);
        for (int i = 0; i < count; i++) {
            text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    /** Counts a prompt's tokens the way the mock generates them: whitespace-separated words, at least 1. */
    static int countTokens(CharSequence text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return Math.max(1, count);
    }
}
