/** The import commands in `polku help`. */
export const IMPORT_USAGE = `  import responses FILE --workspace W --survey S [options]
                                                    import a survey export, all or nothing
                                                    (re-importing adds nothing; polku import responses --help)
  import events FILE --workspace W [options]        import customer events, one a row, all or nothing
                                                    (polku import events --help)`;

const READING = `Reading the file:
  --encoding auto|utf8|utf16le|utf16be|latin1|cp1252
                        auto: a byte-order mark, else UTF-16 when the bytes are (Excel's
                        "Unicode text"), else UTF-8, else Windows-1252
  --delimiter auto|comma|semicolon|tab
                        auto: the one the first lines use (Excel in Finnish writes ;)
  --decimal auto|comma|point
                        the decimal mark of numbers; auto reads 9,5 and 9.5 alike.
                        Thousands separators are never guessed (1 234,50 with spaces reads)
  --date-format "D.M.YYYY H.mm.ss"
                        when the dates cannot tell day from month (M/D/YYYY h:mm:ss A…);
                        ISO 8601 (2026-05-01 09:30) is always read`;

const STORING = `Storing:
  --dry-run             check every row and store nothing; prints what the import would do
  --skip-invalid        store the rows that can be read and list the others; without it one
                        row that cannot be read stores nothing (exit 1, every such row listed)
  --json                print the summary as JSON
Rows are stored in transactions of a batch (a file of up to one batch is one transaction);
if the database fails part-way, the summary names the line before which every row is
stored, and importing the same file again adds the rest.`;

export const IMPORT_RESPONSES_HELP = `Usage: polku import responses FILE --workspace W --survey S [options]

Imports a survey export (a generic CSV, Qualtrics, Google Forms or SurveyMonkey) into a
published survey. Every row is checked first; by default one row that cannot be read as it is
(a score like 8.9 or 11, an unknown option, a date that is not one) stores nothing, and every
such row is listed with its line and column. Importing the same file again adds nothing.

Columns:
  --format auto|csv|qualtrics|google-forms|surveymonkey
                        the export's layout (auto: detected from the header)
  --map COLUMN=KEY      read COLUMN as question KEY (or KEY_part: kano_functional,
                        expect_outcome, topics_price…); COLUMN=@ATTRIBUTE reads it as a
                        customer attribute; "COLUMN=" leaves it out. Repeatable.
  --values 'COLUMN=LABEL=VALUE,LABEL=VALUE…'
                        read a column's labels as values: 'Q1=Horrendous=1,Meh=2,Yum!=4',
                        Qualtrics choice codes 'Q3=1=store,2=web', flags 'Kotiin=K=yes,E=no'.
                        Quote a label holding , or = ("Good, really"=4); an empty value reads
                        the label as not answered ("En osaa sanoa"=). Labels are compared
                        ignoring case and spacing. Repeatable.
  --values-file FILE    the same from a file: JSON {"COLUMN": {"LABEL": VALUE}} or a CSV with
                        the columns column,label,value
  --missing TOKEN,…     cells that mean "not answered" (besides empty, NA, N/A, #N/A)
  Kano wordings (I like it, Pidän siitä, Jag gillar det…) and Y/N, K/E, J/N are read without
  a map. A language column (language, UserLanguage, Q_Language: FI, EN-GB…) gives each
  response its language.

Dates: every response needs a date. The date column is found by its name (submitted_at,
timestamp, date, RecordedDate, Aikaleima…); otherwise:
  --date-column NAME    the column that holds the dates
  --date YYYY-MM-DD     the date of every response the file does not date (00:00 in the
                        workspace's time zone)

${READING}

${STORING}`;

export const IMPORT_EVENTS_HELP = `Usage: polku import events FILE --workspace W [options]

Imports customer events, one a row, with the columns customer, type and time (and optionally
id, touchpoint, value), found by their names in English, Finnish or Swedish
(docs/journeys.md). Every row is checked first; by default one row that cannot be read stores
nothing. Importing the same file again adds nothing.

Columns:
  --map COLUMN=FIELD    read COLUMN as FIELD: id, customer, type, touchpoint, time, value
  --date-column NAME    the column that holds the times (the same as --map NAME=time)

${READING}

${STORING}`;
