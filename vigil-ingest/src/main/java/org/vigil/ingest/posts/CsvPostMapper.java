package org.vigil.ingest.posts;

import java.nio.file.Path;
import org.vigil.model.Post;

/** Turns one well-formed CSV record of a given format into a post. */
interface CsvPostMapper {
    /** @throws BadRow saying which column is wrong and how */
    Post map(CsvScanner row) throws BadRow;

    /** The mapper for {@code format}, its columns located in {@code header}; throws when the header lacks one. */
    static CsvPostMapper forFormat(PostFormat format, CsvHeader header, Path file) {
        CsvPostMapper mapper = switch (format) {
            case VIGIL_CSV -> new VigilCsvMapper(header);
            case QUT_CSV -> new QutCsvMapper(header);
            case IO_ARCHIVE_CSV -> new IoArchiveCsvMapper(header);
            case IRA_CSV -> new IraCsvMapper(header);
            case COORTWEET_CSV -> new CoorTweetCsvMapper(header);
            case COORTWEET_GERMAN_CSV -> new CoorTweetGermanCsvMapper(header);
            case VIGIL_JSONL, TWARC2_JSONL -> throw new IllegalArgumentException(format + " is not a CSV format");
        };
        header.check(file, format);
        return mapper;
    }

    /** The trimmed cell, or BadRow when it is blank: for ids a post cannot do without. */
    static String required(CsvScanner row, int column, String name, String what) throws BadRow {
        if (row.isBlank(column)) {
            throw new BadRow("column '" + name + "' is empty; every post needs " + what);
        }
        return row.field(column).strip();
    }

    /** The trimmed cell, or null when the column is absent or the cell blank. */
    static String optional(CsvScanner row, int column) {
        return column < 0 || row.isBlank(column) ? null : row.field(column).strip();
    }

    /** The cell as is (text keeps its spacing), or null when the column is absent. */
    static String text(CsvScanner row, int column) {
        return column < 0 ? null : row.field(column);
    }
}
