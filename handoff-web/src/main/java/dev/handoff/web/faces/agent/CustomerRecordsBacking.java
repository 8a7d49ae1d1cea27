package dev.handoff.web.faces.agent;

import dev.handoff.integration.boundary.CustomerRecordsService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code #{customerRecords}}: the customer's tickets and deals from the connected systems, for the
 * offer cards and the chat's context panel. Reads only what the background read has cached (each
 * conversation once per request); a page never waits for a vendor.
 */
@Named("customerRecords")
@RequestScoped
public class CustomerRecordsBacking {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @Inject
    CustomerRecordsService records;

    private final Map<String, CustomerRecordsService.RecordsView> read = new HashMap<>();

    public CustomerRecordsService.RecordsView of(String conversationId) {
        return read.computeIfAbsent(conversationId == null ? "" : conversationId, id -> records.view(id.isEmpty() ? null : id));
    }

    public String day(Instant at) {
        return at == null ? "" : DAY.format(at);
    }
}
