package dev.handoff.escalation.boundary;

/**
 * How one trigger fares in agents' feedback: the handoffs it took part in, and how many of those an
 * agent flagged as "not needed". Precision is the share that were needed (null before any handoff).
 */
public record TriggerPrecision(String trigger, long handoffs, long notNeeded) {

    public Double precision() {
        return handoffs == 0 ? null : (double) (handoffs - notNeeded) / handoffs;
    }
}
