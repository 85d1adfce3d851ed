package org.agora.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list that can grow (a call's projects, the consultations, free-text answers): its items, read with
 * {@code LIMIT/OFFSET} from the database, and how many there are in all, so that a page links to its neighbours
 * without loading them.
 *
 * @param items  this page's items, at most {@code size}
 * @param total  how many items match in all
 * @param number this page's number, from 1
 * @param size   how many items a full page holds
 */
public record Page<T>(List<T> items, long total, int number, int size) {

    public Page {
        items = List.copyOf(items);
    }

    /** An empty first page. */
    public static <T> Page<T> empty(PageRequest request) {
        return new Page<>(List.of(), 0, 1, request.size());
    }

    /** How many pages the items fill (1 when there are none: an empty list is one empty page). */
    public int pageCount() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    /** The page before this one; from past the last page (an old link), the last page. */
    public int previousNumber() {
        return Math.max(1, Math.min(number - 1, pageCount()));
    }

    public boolean hasNext() {
        return number < pageCount();
    }

    /** The position (from 1) of this page's first item, 0 when it has none. */
    public long firstPosition() {
        return items.isEmpty() ? 0 : (long) (number - 1) * size + 1;
    }

    /** The position (from 1) of this page's last item, 0 when it has none. */
    public long lastPosition() {
        return items.isEmpty() ? 0 : firstPosition() + items.size() - 1;
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, number, size);
    }
}
