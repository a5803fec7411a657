package dev.tandem.feedback.mail;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the mail to one customer says when a feature they asked for was released: the data of the templates
 * {@code templates/LoopMail/loopClosedText.txt} and {@code loopClosedHtml.html}.
 *
 * @param customerName   whom it addresses
 * @param featureTitle   the released feature
 * @param productName    its product, as the catalog knows it (null when it does not)
 * @param releaseId      the release it shipped in (null: released on its own)
 * @param releaseName    that release's name, from the event (null when unknown)
 * @param releasedOn     the day it was released (UTC)
 * @param feedbackTitles the titles of this customer's own feedback items the release answered
 */
public record LoopClosedMail(String customerName, String featureTitle, String productName, UUID releaseId,
                             String releaseName, LocalDate releasedOn, List<String> feedbackTitles) {

    /** {@code Released: <feature title>}, on one line whatever the title holds. */
    public String subject() {
        return ("Released: " + featureTitle).replaceAll("[\\r\\n\\t]+", " ");
    }
}
