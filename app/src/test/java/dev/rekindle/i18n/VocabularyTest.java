package dev.rekindle.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every stage and segment has one English and one Chinese name, from the one home, equal to what templates show. */
class VocabularyTest {

    @AfterEach
    void english() {
        Tr.use(Language.EN);
    }

    @Test
    void everyStageShouldHaveAnEnglishAndTheApisChineseName() {
        for (Stage s : Stage.values()) {
            Tr.use(Language.EN);
            String en = Vocabulary.name(s);
            Tr.use(Language.ZH);
            String zh = Vocabulary.name(s);

            assertThat(en).as("%s in English", s).isNotBlank().matches("[a-z ]+");
            assertThat(zh).as("%s in Chinese: the word templates show customers", s).isEqualTo(s.chineseName());
            assertThat(Vocabulary.bilingual(s.code())).isEqualTo(zh + " " + en);
            assertThat(Vocabulary.stage(s.code())).contains(s);
            assertThat(Vocabulary.stage(zh)).contains(s);
            assertThat(Vocabulary.stage(en)).contains(s);
        }
    }

    @Test
    void everySegmentShouldHaveAnEnglishAndTheApisChineseName() {
        for (RfmSegment s : RfmSegment.values()) {
            Tr.use(Language.EN);
            String en = Vocabulary.name(s);
            Tr.use(Language.ZH);
            String zh = Vocabulary.name(s);

            assertThat(en).as("%s in English", s).isNotBlank().matches("[a-z ]+");
            assertThat(zh).as("%s in Chinese", s).isEqualTo(s.chineseName());
            assertThat(Vocabulary.nameOf(s.code())).isEqualTo(zh);
            assertThat(Vocabulary.segment(s.code())).contains(s);
            assertThat(Vocabulary.segment(en)).contains(s);
            assertThat(Vocabulary.segment(zh)).contains(s);
            assertThat(Vocabulary.segment(zh.replace("客户", ""))).as("the short form 重要挽留").contains(s);
        }
    }

    @Test
    void goneShouldBeOneWordAndOtherCodesShouldStayAsTheyAre() {
        Tr.use(Language.ZH);
        assertThat(Vocabulary.name(Stage.GONE)).isEqualTo("已流失");
        assertThat(Vocabulary.nameOf("unknown")).isEqualTo("unknown");
        assertThat(Vocabulary.bilingual("unknown")).isEqualTo("unknown");
        assertThat(Vocabulary.stage("沉默")).contains(Stage.SILENT);
        assertThat(Vocabulary.stage("tomorrow")).isEmpty();
        assertThat(Vocabulary.order("silent")).isLessThan(Vocabulary.order("gone"));
        assertThat(Vocabulary.order("important_value")).isLessThan(Vocabulary.order("general_retain"));
        assertThat(Vocabulary.order("unknown")).isGreaterThan(Vocabulary.order("none"));
    }

    @Test
    void segmentsShouldFollowTheirRfmDefinition() {
        for (RfmSegment s : RfmSegment.values()) {
            assertThat(RfmSegment.of(s.recent(), s.frequent(), s.important())).isEqualTo(s);
        }
        assertThat(RfmSegment.of(false, false, true)).isEqualTo(RfmSegment.IMPORTANT_RETAIN);
        assertThat(RfmSegment.of(true, true, false)).isEqualTo(RfmSegment.GENERAL_VALUE);
    }
}
