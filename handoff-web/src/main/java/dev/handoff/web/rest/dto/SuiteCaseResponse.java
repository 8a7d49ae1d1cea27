package dev.handoff.web.rest.dto;

import dev.handoff.escalation.boundary.CuratedCase;
import dev.handoff.escalation.boundary.SuiteView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The case taken from a conversation, its number in the suite, and the suite as it is now.")
public record SuiteCaseResponse(SuiteView suite, int caseNumber, Case addedCase,
        @Schema(description = "The message the case ends at") int upTo,
        @Schema(enumeration = {"message", "transcript"}) String form) {

    public record Case(String id, String text, @Schema(enumeration = {"escalate", "stay"}) String expected, String category,
            String expectedTrigger, String notes) {}

    public static SuiteCaseResponse of(CuratedCase c) {
        return new SuiteCaseResponse(c.suite(), c.number(), new Case(c.added().id(), c.added().text(),
                c.added().escalate() ? "escalate" : "stay", c.added().category(), c.added().expectedTrigger(), c.added().notes()),
                c.upTo(), c.form());
    }
}
