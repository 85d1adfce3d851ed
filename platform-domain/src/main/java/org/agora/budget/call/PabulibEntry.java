package org.agora.budget.call;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One named value of an imported Pabulib file, kept as written: a META entry, or a column of a project row. */
@Embeddable
public class PabulibEntry {

    /** The longest key or column name kept. */
    public static final int MAX_NAME = 200;
    /** The longest value kept (a META comment or description, a project's name). */
    public static final int MAX_VALUE = 20_000;

    @Column(name = "entry_name", nullable = false, length = MAX_NAME)
    private String name;

    @Column(name = "entry_value", nullable = false, length = MAX_VALUE)
    private String value;

    protected PabulibEntry() {
        // for JPA
    }

    public PabulibEntry(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    /** A whole non-negative number as Pabulib writes it ({@code 1000}, {@code 1000.0}). */
    public static long wholeNumber(String text) {
        if (text == null) {
            throw new NumberFormatException("missing");
        }
        long value = new BigDecimal(text.strip()).stripTrailingZeros().longValueExact();
        if (value < 0) {
            throw new NumberFormatException("negative");
        }
        return value;
    }
}
