package dev.rekindle.i18n;

import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place that names lifecycle stages and RFM segments. The api enums are the concepts: their codes
 * are stored, typed in filters and read by plugins, and their {@code chineseName()} is what templates show
 * customers. Here each gets its English word, which the catalog ({@code zh-vocabulary.po}) translates to
 * that same Chinese name (VocabularyTest keeps the two equal), so the shell, the reports and the templates
 * say the same thing: a customer over 365 days is 已流失 everywhere.
 */
public final class Vocabulary {

    private Vocabulary() {
    }

    /** "silent" or "沉默期", in the interface language. */
    public static String name(Stage s) {
        return Tr.t(english(s));
    }

    /** "important value" or "重要价值客户", in the interface language. */
    public static String name(RfmSegment s) {
        return Tr.t(english(s));
    }

    /**
     * "已流失 gone", "重要价值客户 important value": the name in both languages, for pages written in both
     * (the HTML report); any other code as it is.
     */
    public static String bilingual(String code) {
        String english = englishOf(code);
        return english == null ? code : Tr.t(Language.ZH, english) + " " + english;
    }

    /** The name of a stored stage or segment code; any other code (e.g. {@code unknown}) as it is. */
    public static String nameOf(String code) {
        String english = englishOf(code);
        return english == null ? code : Tr.t(english);
    }

    /**
     * The English name of a stored code whatever the interface language, for JSON and CSV: scripts read the
     * same output whichever language the operator's shell speaks. Any other code as it is.
     */
    public static String englishNameOf(String code) {
        String english = englishOf(code);
        return english == null ? code : english;
    }

    private static String englishOf(String code) {
        for (Stage s : Stage.values()) {
            if (s.code().equals(code)) return english(s);
        }
        for (RfmSegment s : RfmSegment.values()) {
            if (s.code().equals(code)) return english(s);
        }
        return null;
    }

    /** Where a stage or segment code comes in its natural order (the api enum's), for sorting; other codes last. */
    public static int order(String code) {
        for (Stage s : Stage.values()) {
            if (s.code().equals(code)) return s.ordinal();
        }
        for (RfmSegment s : RfmSegment.values()) {
            if (s.code().equals(code)) return s.ordinal();
        }
        return 100;
    }

    /** The stage a person typed: its code, English or Chinese word ({@code silent}, {@code SILENT}, {@code 沉默期}, {@code 沉默}). */
    public static Optional<Stage> stage(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String w = word.trim().toLowerCase(Locale.ROOT);
        for (Stage s : Stage.values()) {
            String zh = s.chineseName();
            if (s.code().equals(w) || english(s).equals(w) || zh.equals(w) || (zh.endsWith("期") && (w + "期").equals(zh))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The RFM segment a person typed: its code, English or Chinese word ({@code important_retain},
     * {@code "important retain"}, {@code important-retain}, {@code 重要挽留客户}, {@code 重要挽留}).
     */
    public static Optional<RfmSegment> segment(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String w = word.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (RfmSegment s : RfmSegment.values()) {
            String zh = s.chineseName();
            if (s.code().equals(w) || zh.equals(w) || (w + "客户").equals(zh)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The English word, i.e. the catalog key (an exhaustive switch: a new constant does not compile without one). */
    static String english(Stage s) {
        return switch (s) {
            case ACTIVE -> Tr.n("active");
            case SILENT -> Tr.n("silent");
            case SLEEPING -> Tr.n("sleeping");
            case LOST -> Tr.n("lost");
            case GONE -> Tr.n("gone");
            case NONE -> Tr.n("never bought");
        };
    }

    static String english(RfmSegment s) {
        return switch (s) {
            case IMPORTANT_VALUE -> Tr.n("important value");
            case IMPORTANT_DEVELOP -> Tr.n("important develop");
            case IMPORTANT_KEEP -> Tr.n("important keep");
            case IMPORTANT_RETAIN -> Tr.n("important retain");
            case GENERAL_VALUE -> Tr.n("general value");
            case GENERAL_DEVELOP -> Tr.n("general develop");
            case GENERAL_KEEP -> Tr.n("general keep");
            case GENERAL_RETAIN -> Tr.n("general retain");
        };
    }
}
