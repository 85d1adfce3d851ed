package org.agora.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.agora.shared.Label;

/** A project competing for an envelope's money; those on the ballot are what residents vote for. */
@Entity
@Table(name = "budget_projects")
public class BudgetProject {

    @Id
    @SequenceGenerator(name = "budget_project_ids", sequenceName = "budget_project_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "budget_project_ids")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "envelope_id")
    private Envelope envelope;

    @Column(nullable = false, length = Label.MAX_LENGTH)
    private String title;

    @Column(nullable = false)
    private long cost;

    @Column(name = "on_ballot", nullable = false)
    private boolean onBallot;

    @Version
    private int version;

    protected BudgetProject() {
        // for JPA
    }

    BudgetProject(Envelope envelope, Label title, Money cost, boolean onBallot) {
        if (cost.amount() <= 0) {
            throw new org.agora.shared.InvalidInputException("cost", "budget.project.costPositive");
        }
        this.envelope = envelope;
        this.title = title.text();
        this.cost = cost.amount();
        this.onBallot = onBallot;
    }

    /** The project as the counting rules see it: its id and its cost. */
    public Project toCandidate() {
        return new Project(new ProjectId(String.valueOf(id)), Money.of(cost));
    }

    public Long getId() {
        return id;
    }

    public Envelope getEnvelope() {
        return envelope;
    }

    public String getTitle() {
        return title;
    }

    public Money getCost() {
        return Money.of(cost);
    }

    public boolean isOnBallot() {
        return onBallot;
    }
}
