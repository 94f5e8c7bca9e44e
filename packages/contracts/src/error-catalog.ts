// The catalog apart from the error body's schema: the browser reads the codes without zod.

/**
 * The one error catalog. Every error the API returns has a stable `code` from here, an HTTP
 * status and a default message; clients switch on the code, never on the message.
 * `docs/errors.md` documents each code (a test keeps the two in step).
 */
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  BAD_REQUEST: { status: 400, message: 'The request could not be understood.' },
  PERIOD_TOO_LONG: {
    status: 400,
    message: 'The period holds too many buckets: choose a longer bucket or a shorter period.',
  },
  UNAUTHENTICATED: { status: 401, message: 'Sign in or send a valid API key.' },
  INVALID_CREDENTIALS: { status: 401, message: 'Email or password is wrong.' },
  CSRF_TOKEN_INVALID: { status: 403, message: 'The CSRF token is missing or wrong.' },
  FORBIDDEN: { status: 403, message: 'You do not have permission for this.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  EMAIL_TAKEN: { status: 409, message: 'An account with this email already exists.' },
  ALREADY_MEMBER: { status: 409, message: 'This person is already a member of the workspace.' },
  LAST_OWNER: { status: 409, message: 'A workspace must keep at least one owner.' },
  SETUP_ALREADY_DONE: { status: 409, message: 'Polku has already been set up.' },
  INVITATION_INVALID: {
    status: 410,
    message: 'The invitation has expired, was revoked or was used.',
  },
  INVITATION_EMAIL_MISMATCH: {
    status: 403,
    message: 'The invitation was sent to another email address.',
  },
  RESET_TOKEN_INVALID: { status: 410, message: 'The reset link has expired or was already used.' },
  SURVEY_INCOMPLETE: {
    status: 400,
    message: 'The survey cannot be published: some texts are missing in a language it offers.',
  },
  SURVEY_NOT_OPEN: { status: 409, message: 'The survey is not published or has been closed.' },
  RESPONSE_ID_TAKEN: {
    status: 409,
    message: 'A response with this id already exists with different content.',
  },
  EVENT_ID_TAKEN: {
    status: 409,
    message: 'An event with this id already exists for another customer or of another type.',
  },
  INCIDENT_CATEGORY_EXISTS: {
    status: 409,
    message: 'An incident category with this name already exists in the workspace.',
  },
  INCIDENT_CATEGORY_IN_USE: {
    status: 409,
    message: 'Answers are coded into this category; uncode or recode them before deleting it.',
  },
  TARGET_METRIC_INVALID: {
    status: 400,
    message:
      "The target's metric cannot be computed: check its survey, question and question type.",
  },
  TOUCHPOINT_IN_USE: {
    status: 409,
    message:
      'Surveys or survey links point at this touchpoint; move them to another touchpoint first.',
  },
  EXPORT_UNAVAILABLE: {
    status: 503,
    message: 'The map cannot be exported: no Chromium browser was found on the server.',
  },
  EXPORT_FAILED: {
    status: 503,
    message: 'The map could not be rendered in time. Try again in a moment.',
  },
  REQUEST_TIMEOUT: { status: 408, message: 'The request was not received in time.' },
  IMPORT_NO_DATES: {
    status: 400,
    message:
      'The file has no dates: say which column holds them, or give the date of every response.',
  },
  IMPORT_ROWS_REFUSED: {
    status: 422,
    message: 'Some rows cannot be imported as they are, so nothing was stored.',
  },
  IMPORT_INTERRUPTED: {
    status: 503,
    message:
      'The import stopped part-way: the rows before the line named were stored. Import the same file again to add the rest.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  URI_TOO_LONG: { status: 414, message: 'The address is too long.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the body as application/json.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests. Try again later.' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are too large.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side.' },
  NOT_READY: { status: 503, message: 'The service is not ready.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalog;
export const errorCodes = Object.keys(errorCatalog) as ErrorCode[];
