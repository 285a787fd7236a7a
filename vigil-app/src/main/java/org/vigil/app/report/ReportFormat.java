package org.vigil.app.report;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How a report is printed. */
public enum ReportFormat {
    /** Aligned columns for a terminal, at most {@link ReportPrinter#WIDTH} characters wide. */
    TABLE,
    /** One JSON object with a {@code matrix} and/or a {@code timeline} array. */
    JSON,
    /** RFC 4180 CSV with a header row, one table per section. */
    CSV;

    /** Parses the option value, ignoring case: {@code table}, {@code json}, {@code csv}. */
    public static ReportFormat parse(String s) {
        for (ReportFormat f : values()) {
            if (f.name().equalsIgnoreCase(s.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("expected table, json or csv, got '" + s + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Lets picocli accept the lower-case names the help shows. */
    static final class Converter implements ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
