package dev.rekindle.support;

import dev.rekindle.i18n.Language;
import dev.rekindle.i18n.Tr;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs each test of a class with the interface in Chinese and puts English back afterwards (the language is
 * process-wide and the other tests read English): {@code @ExtendWith(InChinese.class)}.
 */
public class InChinese implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        Tr.use(Language.ZH);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Tr.use(Language.EN);
    }
}
