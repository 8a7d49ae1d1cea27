package dev.handoff.conversation.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void anExternalIdIsRequired(String externalId) {
        assertThrows(IllegalArgumentException.class, () -> new Customer(externalId, T0));
    }

    @Test
    void theExternalIdIsTrimmed() {
        assertEquals("c-1", new Customer("  c-1 ", T0).getExternalId());
    }

    @Test
    void theDisplayNameFallsBackToTheExternalId() {
        Customer customer = new Customer("c-1", T0);
        assertEquals("c-1", customer.displayName());

        customer.updateProfile("  ", null, null, null, T0);
        assertEquals("c-1", customer.displayName());

        customer.updateProfile("Dana", null, null, null, T0);
        assertEquals("Dana", customer.displayName());
    }

    @Test
    void absentProfileValuesKeepWhatWeKnew() {
        Customer customer = new Customer("c-1", T0);
        customer.updateProfile("Dana", "dana@example.com", "gold", new BigDecimal("1200.50"), T0);

        customer.updateProfile(null, null, null, null, T0.plusSeconds(1));

        assertEquals("Dana", customer.getName());
        assertEquals("dana@example.com", customer.getEmail());
        assertEquals("gold", customer.getTier());
        assertEquals(new BigDecimal("1200.50"), customer.getAccountValue());
    }

    @Test
    void aNegativeAccountValueIsRejected() {
        Customer customer = new Customer("c-1", T0);
        customer.updateProfile(null, null, null, BigDecimal.TEN, T0);

        assertThrows(IllegalArgumentException.class,
                () -> customer.updateProfile(null, null, null, new BigDecimal("-0.01"), T0));
        assertEquals(BigDecimal.TEN, customer.getAccountValue());
    }
}
