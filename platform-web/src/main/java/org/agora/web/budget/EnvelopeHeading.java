package org.agora.web.budget;

import java.io.Serializable;
import org.agora.budget.call.Envelope;

/** What a page about one envelope shows at its top: the envelope's name and its call, linked back. */
public final class EnvelopeHeading implements Serializable {

    private final long callId;
    private final String callName;
    private final String envelopeName;

    private EnvelopeHeading(long callId, String callName, String envelopeName) {
        this.callId = callId;
        this.callName = callName;
        this.envelopeName = envelopeName;
    }

    static EnvelopeHeading of(Envelope envelope, BudgetLabels labels) {
        return new EnvelopeHeading(envelope.getCall().getId(), envelope.getCall().getName(), labels.envelope(envelope));
    }

    public long getCallId() {
        return callId;
    }

    public String getCallName() {
        return callName;
    }

    public String getEnvelopeName() {
        return envelopeName;
    }
}
