package dev.handoff.web.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.PropertyNotWritableException;
import jakarta.el.VariableMapper;
import org.junit.jupiter.api.Test;

class RecordElResolverTest {

    public record Line(String customer, int position) {}

    private final RecordElResolver resolver = new RecordElResolver();

    @Test
    void readsARecordsComponentsAsProperties() {
        ELContext context = new Context();
        Line line = new Line("Quentin Keep", 3);
        assertEquals("Quentin Keep", resolver.getValue(context, line, "customer"));
        assertTrue(context.isPropertyResolved());
        Context again = new Context();
        assertEquals(3, resolver.getValue(again, line, "position"), "the second component, from the same looked-up accessors");
        assertTrue(again.isPropertyResolved());
    }

    @Test
    void leavesWhatIsNoComponentToTheNextResolver() {
        Context context = new Context();
        assertNull(resolver.getValue(context, new Line("a", 1), "name"));
        assertNull(resolver.getValue(context, "not a record", "customer"));
        assertNull(resolver.getValue(context, null, "customer"));
        assertFalse(context.isPropertyResolved());
    }

    @Test
    void refusesWrites() {
        Context context = new Context();
        assertTrue(resolver.isReadOnly(context, new Line("a", 1), "customer"));
        assertThrows(PropertyNotWritableException.class, () -> resolver.setValue(new Context(), new Line("a", 1), "customer", "b"));
    }

    private static final class Context extends ELContext {
        @Override
        public ELResolver getELResolver() {
            return null;
        }

        @Override
        public FunctionMapper getFunctionMapper() {
            return null;
        }

        @Override
        public VariableMapper getVariableMapper() {
            return null;
        }
    }
}
