package org.agora.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.function.Supplier;
import org.agora.territory.District;
import org.agora.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

/**
 * Which refusals of the database are a conflict the person can resolve (a unique key taken, a row changed
 * meanwhile) and which are a defect that must surface as one; run on H2 and on PostgreSQL by the subclasses.
 */
abstract class ConstraintsPersistenceContract extends DatabaseTest {

    private static final Supplier<ConflictException> CONFLICT = () -> new ConflictException(null, "test.conflict");

    private static District nord(EntityManager em) {
        return em.createQuery("select d from District d where d.code = 'nord'", District.class).getSingleResult();
    }

    private static long count(EntityManager em, String table) {
        return ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }

    @Test
    void aUniqueKeyTakenOnInsertIsTheConflict() {
        assertThatThrownBy(() -> db().inTransaction(em -> {
            Constraints.insert(em, CONFLICT, "INSERT INTO themes (id, name, name_key) VALUES (?, ?, ?)",
                    1_000_001L, "Jardins", "jardins");
            Constraints.insert(em, CONFLICT, "INSERT INTO themes (id, name, name_key) VALUES (?, ?, ?)",
                    1_000_002L, "JARDINS", "jardins");
            return null;
        })).isInstanceOf(ConflictException.class).hasMessageStartingWith("test.conflict");
    }

    @Test
    void aUniqueKeyTakenOnFlushIsTheConflict() {
        long before = db().inTransaction(em -> count(em, "districts"));

        assertThatThrownBy(() -> db().inTransaction(em -> {
            em.persist(new District(new DistrictCode("nord"), new Label("Nord bis"), 10));
            Constraints.flush(em, CONFLICT);
            return null;
        })).isInstanceOf(ConflictException.class).hasMessageStartingWith("test.conflict");
        long after = db().inTransaction(em -> count(em, "districts"));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aRowChangedMeanwhileIsTheConflict() {
        assertThatThrownBy(() -> db().inTransaction(em -> {
            District nord = nord(em);
            try {
                db().sql("UPDATE districts SET version = version + 1 WHERE code = 'nord'");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            nord.changePopulation(nord.getPopulation() + 1);
            Constraints.flush(em, CONFLICT);
            return null;
        })).isInstanceOf(ConflictException.class).hasMessageStartingWith("test.conflict");
    }

    @Test
    void aMissingRequiredValueOnInsertIsADefectNotAConflict() {
        assertThatThrownBy(() -> db().inTransaction(em -> {
            Constraints.insert(em, CONFLICT, "INSERT INTO themes (id, name, name_key) VALUES (?, ?, NULL)",
                    1_000_001L, "Jardins");
            return null;
        })).isInstanceOf(PersistenceException.class).isNotInstanceOf(ConflictException.class);
    }

    @Test
    void aMissingReferenceOnInsertIsADefectNotAConflict() {
        assertThatThrownBy(() -> db().inTransaction(em -> {
            Constraints.insert(em, CONFLICT,
                    "INSERT INTO neighbourhoods (id, district_id, name, name_key) VALUES (?, ?, ?, ?)",
                    1_000_001L, 999_999_999L, "Nulle part", "nulle part");
            return null;
        })).isInstanceOf(PersistenceException.class).isNotInstanceOf(ConflictException.class);
    }

    @Test
    void aRowStillReferencedOnFlushIsADefectNotAConflict() {
        assertThatThrownBy(() -> db().inTransaction(em -> {
            District nord = nord(em);
            nord.getNeighbourhoods().size(); // the neighbourhoods the district knows, removed with it
            em.createNativeQuery("INSERT INTO neighbourhoods (id, district_id, name, name_key) VALUES (?, ?, ?, ?)")
                    .setParameter(1, 1_000_001L).setParameter(2, nord.getId()).setParameter(3, "Inconnu")
                    .setParameter(4, "inconnu").executeUpdate();
            em.remove(nord);
            Constraints.flush(em, CONFLICT);
            return null;
        })).isInstanceOf(PersistenceException.class).isNotInstanceOf(ConflictException.class);
    }
}
