package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The build fails when a page, file or API endpoint has no line in the authorization matrix, or when a line names
 * something the application no longer answers: whoever adds an address decides, in the matrix, who may use it, and
 * ApiSuiteIT$Authorization checks it against the running application.
 */
class AuthorizationMatrixTest {

    @Test
    void everyAddressOfTheApplicationHasItsLineAndEveryLineAnAddress() {
        Set<Targets.Target> inTheMatrix = AuthorizationMatrix.rows().stream().map(AuthorizationMatrix.Row::target)
                .collect(Collectors.toCollection(TreeSet::new));
        TreeSet<Targets.Target> answered = Targets.all();

        TreeSet<Targets.Target> missing = new TreeSet<>(answered);
        missing.removeAll(inTheMatrix);
        TreeSet<Targets.Target> stale = new TreeSet<>(inTheMatrix);
        stale.removeAll(answered);

        assertThat(missing).as("addresses without a line in " + AuthorizationMatrix.RESOURCE).isEmpty();
        assertThat(stale).as("lines of " + AuthorizationMatrix.RESOURCE + " naming no address").isEmpty();
    }

    @Test
    void eachAddressHasOneLine() {
        List<Targets.Target> targets = AuthorizationMatrix.rows().stream().map(AuthorizationMatrix.Row::target).toList();
        assertThat(targets).doesNotHaveDuplicates();
    }

    @Test
    void theApplicationAnswersPagesServletsAndEndpoints() {
        TreeSet<Targets.Target> answered = Targets.all();
        assertThat(answered).contains(new Targets.Target("GET", "/index.xhtml"),
                new Targets.Target("GET", "/images/{}"),
                new Targets.Target("PUT", "/api/budget/envelopes/{}/ballot"));
        assertThat(answered).noneMatch(target -> target.path().startsWith("/WEB-INF"));
    }
}
