package org.agora.it.support;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many rows each table of the application's schema holds, for the tests that prove a refused input stored
 * nothing. Only in the test deployment, as {@link TestOnlyClock}.
 */
@Path("test-only/row-counts")
@RequestScoped
public class TestOnlyTables {

    @PersistenceContext(unitName = "agora")
    EntityManager em;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SuppressWarnings("unchecked")
    public Map<String, Long> rowCounts() {
        List<String> tables = em.createNativeQuery("select table_name from information_schema.tables"
                + " where lower(table_schema) = lower(current_schema()) and table_type in ('BASE TABLE', 'TABLE')")
                .getResultList();
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            if (!table.toLowerCase().startsWith("flyway")) {
                counts.put(table.toLowerCase(), ((Number) em.createNativeQuery("select count(*) from " + table)
                        .getSingleResult()).longValue());
            }
        }
        return counts;
    }
}
