package org.agora.moderation;

/** One reportable item: its kind and its id in its owner's table. */
public record ItemRef(ItemKind kind, long id) {

    public ItemRef {
        if (kind == null) {
            throw new IllegalArgumentException("an item has a kind");
        }
    }
}
