package org.agora.web.council;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.agora.council.CouncilDocument;
import org.agora.council.NewsPost;
import org.agora.media.DocumentFormat;

/** How the council's documents and news read in lists: sizes, formats and dates in the visitor's language. */
@Named
@RequestScoped
public class CouncilContentLabels {

    @Inject
    CouncilLabels labels;

    public DocumentRow row(CouncilDocument document) {
        String format = DocumentFormat.ofContentType(document.getContentType()).map(DocumentFormat::label)
                .orElse(document.getContentType());
        return new DocumentRow(document.getId(), document.getTitle(), document.getFileName(), format,
                size(document.getByteSize()), labels.dateTime(document.getPublishedAt()),
                document.getPublishedAt().toString(), document.isMembersOnly());
    }

    public NewsRow row(NewsPost post) {
        return new NewsRow(post.getId(), post.getTitle(), post.getBody(), labels.dateTime(post.getPublishedAt()),
                post.getPublishedAt().toString(), post.isMembersOnly());
    }

    /** "12 KB", "3.4 MB": what a resident needs to know before downloading. */
    public String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return labels.text("council.document.sizeKilobytes", Math.max(1, (bytes + 1023) / 1024));
        }
        return labels.text("council.document.sizeMegabytes", Math.round(bytes * 10.0 / (1024 * 1024)) / 10.0);
    }

    public String text(String key, Object... arguments) {
        return labels.text(key, arguments);
    }
}
