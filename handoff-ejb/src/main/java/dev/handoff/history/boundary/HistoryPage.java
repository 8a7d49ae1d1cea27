package dev.handoff.history.boundary;

import java.util.List;

/** One page of a history search: the rows, how many match in all, and where the page stands. */
public record HistoryPage(List<HistoryRow> rows, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    /** 1-based position of the first row shown (0 when nothing matches). */
    public long first() {
        return rows.isEmpty() ? 0 : (long) page * size + 1;
    }

    public long last() {
        return (long) page * size + rows.size();
    }
}
