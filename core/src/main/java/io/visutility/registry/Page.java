package io.visutility.registry;

import java.util.List;

/**
 * One page of a listing, in order.
 *
 * @param items         the items of this page, at most the limit asked for
 * @param nextPageToken the opaque token that asks for the page after this one, or null on the last page
 * @param <T>           the type of item
 */
public record Page<T>(List<T> items, String nextPageToken) {

    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
    }

    /** Whether a further page follows. */
    public boolean hasNext() {
        return nextPageToken != null;
    }
}
