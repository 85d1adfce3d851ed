package org.agora.web.consultation;

/** One line of the questionnaire table: a question as the builder shows it, its type and condition in words. */
public final class QuestionSummary {

    private final int position;
    private final String id;
    private final String text;
    private final String help;
    private final String type;
    private final boolean required;
    private final String condition;
    private final String details;
    private final boolean last;

    QuestionSummary(int position, String id, String text, String help, String type, boolean required,
                    String condition, String details, boolean last) {
        this.position = position;
        this.id = id;
        this.text = text;
        this.help = help;
        this.type = type;
        this.required = required;
        this.condition = condition;
        this.details = details;
        this.last = last;
    }

    /** From 1. */
    public int getPosition() {
        return position;
    }

    public String getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    public String getHelp() {
        return help;
    }

    public String getType() {
        return type;
    }

    public boolean isRequired() {
        return required;
    }

    /** "Shown when ..." or empty. */
    public String getCondition() {
        return condition;
    }

    /** The options, bounds or rows and columns, in a few words. */
    public String getDetails() {
        return details;
    }

    public boolean isFirst() {
        return position == 1;
    }

    public boolean isLast() {
        return last;
    }
}
