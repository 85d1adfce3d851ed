package org.agora.consultation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.agora.shared.DistrictCode;

/**
 * The response of an anonymous consultation while it is open: the respondent's district and the kept answers,
 * padded to the largest size any response to this questionnaire can take, then sealed with the
 * {@link ResponseSeal}. Every sealed response of a consultation therefore has the same length, so not even the size
 * of what was written beside the has-answered mark tells a long answer from a short one.
 */
record SealedResponse(Optional<DistrictCode> district, Map<String, Answer> answers) {

    private static final byte FORMAT = 1;
    private static final int DISTRICT_CHARS = 32;
    private static final int NUMBER_CHARS = 40;

    SealedResponse {
        district = district == null ? Optional.empty() : district;
        answers = Map.copyOf(answers);
    }

    byte[] seal(ResponseSeal seal, long consultationId, Questionnaire questionnaire) {
        int capacity = capacity(questionnaire);
        byte[] content = encode(questionnaire);
        if (content.length > capacity - Integer.BYTES) {
            throw new IllegalStateException("a response outgrew its questionnaire's bound: " + content.length);
        }
        byte[] padded = new byte[capacity];
        padded[0] = (byte) (content.length >>> 24);
        padded[1] = (byte) (content.length >>> 16);
        padded[2] = (byte) (content.length >>> 8);
        padded[3] = (byte) content.length;
        System.arraycopy(content, 0, padded, Integer.BYTES, content.length);
        return seal.seal(consultationId, padded);
    }

    static SealedResponse open(ResponseSeal seal, long consultationId, byte[] sealed) {
        byte[] padded = seal.open(consultationId, sealed);
        int length = ((padded[0] & 0xff) << 24) | ((padded[1] & 0xff) << 16) | ((padded[2] & 0xff) << 8)
                | (padded[3] & 0xff);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(padded, Integer.BYTES, length))) {
            if (in.readByte() != FORMAT) {
                throw new IllegalStateException("unknown sealed response format");
            }
            String district = in.readUTF();
            int count = in.readInt();
            Map<String, Answer> answers = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String question = in.readUTF();
                answers.put(question, readAnswer(in));
            }
            return new SealedResponse(district.isEmpty() ? Optional.empty() : Optional.of(new DistrictCode(district)),
                    answers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] encode(Questionnaire questionnaire) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(district.map(DistrictCode::value).orElse(""));
            List<String> given = questionnaire.questions().stream().map(Question::id)
                    .filter(id -> answers.get(id) != null && !answers.get(id).isEmpty()).toList();
            out.writeInt(given.size());
            for (String question : given) {
                out.writeUTF(question);
                writeAnswer(out, answers.get(question));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeAnswer(DataOutputStream out, Answer answer) throws IOException {
        if (answer instanceof Answer.Choices choices) {
            out.writeByte('C');
            writeStrings(out, choices.optionIds().stream().sorted().toList());
        } else if (answer instanceof Answer.Text text) {
            out.writeByte('T');
            out.writeUTF(text.value().strip());
        } else if (answer instanceof Answer.Number number) {
            out.writeByte('N');
            out.writeUTF(number.value().toPlainString());
        } else if (answer instanceof Answer.Ranking ranking) {
            out.writeByte('R');
            writeStrings(out, ranking.optionIds());
        } else if (answer instanceof Answer.Matrix matrix) {
            out.writeByte('M');
            List<String> cells = new ArrayList<>();
            matrix.columnByRow().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(cell -> {
                cells.add(cell.getKey());
                cells.add(cell.getValue());
            });
            writeStrings(out, cells);
        }
    }

    private static Answer readAnswer(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        return switch (kind) {
            case 'C' -> new Answer.Choices(Set.copyOf(new HashSet<>(readStrings(in))));
            case 'T' -> new Answer.Text(in.readUTF());
            case 'N' -> new Answer.Number(new BigDecimal(in.readUTF()));
            case 'R' -> new Answer.Ranking(readStrings(in));
            case 'M' -> {
                List<String> cells = readStrings(in);
                Map<String, String> byRow = new HashMap<>();
                for (int i = 0; i + 1 < cells.size(); i += 2) {
                    byRow.put(cells.get(i), cells.get(i + 1));
                }
                yield new Answer.Matrix(byRow);
            }
            default -> throw new IllegalStateException("unknown sealed answer kind " + kind);
        };
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(in.readUTF());
        }
        return values;
    }

    /**
     * The most bytes any valid response to this questionnaire takes once encoded (modified UTF-8 takes at most
     * three bytes a character), plus the length prefix: the size every sealed response is padded to.
     */
    static int capacity(Questionnaire questionnaire) {
        int bytes = Integer.BYTES + 1 + utf(DISTRICT_CHARS) + Integer.BYTES;
        for (Question question : questionnaire.questions()) {
            bytes += utf(question.id().length()) + 1;
            if (question instanceof Question.SingleChoice single) {
                bytes += strings(single.options());
            } else if (question instanceof Question.MultipleChoice multiple) {
                bytes += strings(multiple.options());
            } else if (question instanceof Question.Ranking ranking) {
                bytes += strings(ranking.options());
            } else if (question instanceof Question.Matrix matrix) {
                int widestColumn = matrix.columns().stream().mapToInt(o -> utf(o.id().length())).max().orElse(0);
                bytes += Integer.BYTES + matrix.rows().stream()
                        .mapToInt(row -> utf(row.id().length()) + widestColumn).sum();
            } else if (question instanceof Question.FreeText text) {
                bytes += utf(text.maxLength());
            } else {
                bytes += utf(NUMBER_CHARS);
            }
        }
        return bytes;
    }

    private static int strings(List<Option> options) {
        return Integer.BYTES + options.stream().mapToInt(o -> utf(o.id().length())).sum();
    }

    private static int utf(int chars) {
        return 2 + 3 * chars;
    }
}
