package org.agora.kpi;

/**
 * Where a comment stands, in SQL: the item it is written under (a project, a consultation, a council's news or idea)
 * and that item's district, as the KPIs, their kept counts and the raw comments table all find it.
 */
public final class CommentItems {

    /** The comments ({@code c}) joined with their items and, through them, the districts. */
    public static final String FROM = " from comments c"
            + " left join budget_projects p on c.target_kind = 'BUDGET_PROJECT' and p.id = c.target_id"
            + " left join envelopes e on e.id = p.envelope_id"
            + " left join consultations k on c.target_kind = 'CONSULTATION' and k.id = c.target_id"
            + " left join council_news n on c.target_kind = 'COUNCIL_POST' and n.id = c.target_id"
            + " left join council_ideas i on c.target_kind = 'COUNCIL_IDEA' and i.id = c.target_id"
            + " left join councils o on o.id = coalesce(n.council_id, i.council_id)"
            + " left join neighbourhoods h on h.id = o.neighbourhood_id"
            + " left join districts d on d.id = h.district_id";

    /** The district of a comment's item, over {@link #FROM}. */
    public static final String DISTRICT = "coalesce(e.district_code, k.district_code, d.code)";

    private CommentItems() {
    }
}
