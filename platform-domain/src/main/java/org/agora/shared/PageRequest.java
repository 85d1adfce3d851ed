package org.agora.shared;

/**
 * Which page of a list a reader asks for. The number comes from the address ({@code ?page=}), so anything is
 * accepted and made sensible: below 1 is the first page; a number past the last page gives an empty page, which
 * the page shows as such rather than failing. The size is the edge's choice, within {@link #MAX_SIZE}.
 *
 * @param number the page's number, from 1
 * @param size   how many items a full page holds, 1 to {@link #MAX_SIZE}
 */
public record PageRequest(int number, int size) {

    public static final int MAX_SIZE = 200;

    public PageRequest {
        number = Math.max(1, number);
        size = Math.min(MAX_SIZE, Math.max(1, size));
    }

    /** Page {@code number} (null: the first) of pages of {@code size} items. */
    public static PageRequest of(Integer number, int size) {
        return new PageRequest(number == null ? 1 : number, size);
    }

    /** How many items come before this page. */
    public int offset() {
        long offset = (long) (number - 1) * size;
        return (int) Math.min(Integer.MAX_VALUE, offset);
    }
}
