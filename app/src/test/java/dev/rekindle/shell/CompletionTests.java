package dev.rekindle.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekindle.support.CampaignTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** TAB in the shell: what the completer offers for a line typed up to the cursor (JLine's own parser). */
class CompletionTests extends CampaignTestSupport {

    @Autowired
    RekindleCompleter completer;

    private List<String> tab(String typed) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse(typed, typed.length()), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void optionsCompleteAfterAnArgumentAsRightAfterTheCommand() {
        assertThat(tab("campaigns plan --chan")).contains("--channel");
        // the strategy typed first, as operators do: Spring Shell alone offered nothing here
        assertThat(tab("campaigns plan dormancy-reminder --chan")).contains("--channel").contains("--holdout");
        assertThat(tab("campaigns plan dormancy-reminder --channel sms --")).contains("--holdout").doesNotContain("--channel");
    }

    @Test
    void valuesCompleteForArgumentsAndOptions() {
        assertThat(tab("campaigns plan ")).contains("dormancy-reminder", "winback-silent");
        assertThat(tab("customers find --format ")).containsExactlyInAnyOrder("table", "json", "csv");
        assertThat(tab("campaig")).contains("campaigns plan", "campaigns send");
    }
}
