package org.agora.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pages of a list: what a request made from the address becomes, and where a page stands among the others. */
class PageTest {

    @Test
    void anyPageNumberFromTheAddressIsMadeSensible() {
        assertThat(PageRequest.of(null, 20)).isEqualTo(new PageRequest(1, 20));
        assertThat(PageRequest.of(-3, 20).number()).isEqualTo(1);
        assertThat(PageRequest.of(0, 20).offset()).isZero();
        assertThat(PageRequest.of(3, 20).offset()).isEqualTo(40);
        assertThat(new PageRequest(1, 100_000).size()).isEqualTo(PageRequest.MAX_SIZE);
        assertThat(new PageRequest(1, 0).size()).isEqualTo(1);
        assertThat(PageRequest.of(Integer.MAX_VALUE, PageRequest.MAX_SIZE).offset()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aPageKnowsItsNeighboursAndPositions() {
        Page<String> middle = new Page<>(List.of("c", "d"), 5, 2, 2);
        assertThat(middle.pageCount()).isEqualTo(3);
        assertThat(middle.hasPrevious()).isTrue();
        assertThat(middle.previousNumber()).isEqualTo(1);
        assertThat(middle.hasNext()).isTrue();
        assertThat(middle.firstPosition()).isEqualTo(3);
        assertThat(middle.lastPosition()).isEqualTo(4);
        assertThat(middle.map(String::toUpperCase).items()).containsExactly("C", "D");

        Page<String> last = new Page<>(List.of("e"), 5, 3, 2);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.lastPosition()).isEqualTo(5);
    }

    @Test
    void anEmptyListIsOneEmptyPage() {
        Page<String> none = Page.empty(new PageRequest(4, 10));
        assertThat(none.pageCount()).isEqualTo(1);
        assertThat(none.hasPrevious()).isFalse();
        assertThat(none.hasNext()).isFalse();
        assertThat(none.firstPosition()).isZero();
        Page<String> pastTheEnd = new Page<>(List.of(), 7, 9, 2);
        assertThat(pastTheEnd.hasPrevious()).isTrue();
        assertThat(pastTheEnd.previousNumber()).isEqualTo(4);
    }
}
