package dev.benchdeck.server.system;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole numbers in paths and query parameters are ASCII decimal digits and nothing else. Spring's
 * default reads {@code 0x10} as 16 and {@code +1}, {@code " 1"} and Arabic-Indic digits as 1, and
 * drops {@code ;…} matrix parameters ({@link PathParameterGuard}), so that one id had many spellings
 * (a cache, a log search or an authorization rule keyed on the text would disagree with the code).
 */
@ControllerAdvice
class StrictIds {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,19}");
    static final String MESSAGE = "must be a whole number";

    /** Editors, not converters: Spring falls back to its lenient default editor when a converter refuses. */
    @InitBinder
    void strictNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, new StrictEditor(false, false));
        binder.registerCustomEditor(Long.class, new StrictEditor(true, false));
        binder.registerCustomEditor(int.class, new StrictEditor(false, true));
        binder.registerCustomEditor(Integer.class, new StrictEditor(true, true));
    }

    private static final class StrictEditor extends PropertyEditorSupport {
        private final boolean nullable;
        private final boolean intSized;

        StrictEditor(boolean nullable, boolean intSized) {
            this.nullable = nullable;
            this.intSized = intSized;
        }

        @Override
        public void setAsText(String text) {
            if ((text == null || text.isEmpty()) && nullable) {
                setValue(null); // an empty query value means "not given", as before
                return;
            }
            long value = parseLong(text == null ? "" : text);
            if (intSized && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
                throw new IllegalArgumentException(MESSAGE + " (this one is out of range)");
            }
            setValue(intSized ? Integer.valueOf((int) value) : Long.valueOf(value));
        }
    }

    static long parseLong(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException(MESSAGE);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MESSAGE + " (this one is out of range)");
        }
    }
}
