package org.agora.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the platform holds about one person, as they download it ("my data", GDPR article 15 and 20): one
 * section per kind of record, each a table of text values. Ballot contents are not in it: a sealed or counted ballot
 * links to nobody, so the only record of a vote is the mark on the register that the person voted in a call.
 *
 * @param person the account's username
 * @param madeAt when the copy was made
 * @param sections the records, by kind; a kind with no record is absent
 */
public record PersonalData(String person, Instant madeAt, List<Section> sections) {

    public PersonalData {
        Objects.requireNonNull(person);
        sections = List.copyOf(sections);
    }

    /**
     * One kind of record: its key (a stable identifier, also the sheet's and the JSON property's name), its columns'
     * names and its rows (each as long as the columns; a missing value is null).
     */
    public record Section(String key, List<String> columns, List<List<String>> rows) {

        public Section {
            columns = List.copyOf(columns);
            List<List<String>> checked = new java.util.ArrayList<>();
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException(key + ": a row of " + row.size() + " values for "
                            + columns.size() + " columns");
                }
                checked.add(java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row)));
            }
            rows = List.copyOf(checked);
        }
    }

    /** The section of this key, if the person has any such record. */
    public java.util.Optional<Section> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
