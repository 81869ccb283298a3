// Generated from the OpenAPI document by `npm run client:generate`: do not edit.

export interface paths {
    "/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness without touching the database */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The Worker answers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            pong: true;
                        };
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database reachability */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The Worker and its database answer */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A dependency is unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public keys that verify access tokens (several during a key rotation) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description JSON Web Key Set */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keys: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an organisation and its owner, signed in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RegisterRequest"];
                };
            };
            responses: {
                /** @description The organisation, its owner and a session */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organization: components["schemas"]["Organization"];
                            user: components["schemas"]["User"];
                            access_token: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            /** @example 900 */
                            expires_in: number;
                            refresh_token: string;
                        };
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in: an access token (15 min) and a refresh token
         * @description 401 `invalid_credentials` for an unknown email or a wrong password alike; 401 `mfa_required` when the account uses two-factor and no code was sent; 429 with Retry-After after repeated failures.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LoginRequest"];
                };
            };
            responses: {
                /** @description Signed in */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TokenPair"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the refresh token; a spent one ends its whole session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RefreshRequest"];
                };
            };
            responses: {
                /** @description A new pair */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TokenPair"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session of this refresh token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RefreshRequest"];
                };
            };
            responses: {
                /** @description Signed out (also when the token was unknown or already ended) */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, their organisation and effective permissions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description You */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password (ends your other sessions) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ChangePasswordRequest"];
                };
            };
            responses: {
                /** @description Changed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/mfa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start two-factor enrolment: a secret and its otpauth:// URI */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Scan the URI, then activate with a code */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TotpEnrolment"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/mfa/totp/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn two-factor on with a first code; answers single-use recovery codes, shown once */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TotpActivateRequest"];
                };
            };
            responses: {
                /** @description On */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecoveryCodes"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/mfa/totp/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn two-factor off (password and a code or recovery code) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TotpDisableRequest"];
                };
            };
            responses: {
                /** @description Off */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your organisation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The organisation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organization"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change your organisation's profile and settings (not its slug) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateOrganizationRequest"];
                };
            };
            responses: {
                /** @description The organisation as changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organization"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/organization/closure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your organisation's closure, if it has one (the latest, whatever became of it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The closure, with a fresh receipt link */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrganizationClosure"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Close your organisation: frozen for a grace period, then every row, file and platform token deleted
         * @description Owners only, signed in (README, "Data lifecycle › Closing an organisation"). The organisation turns `closing`: every write of its API answers 409 `organization_closing` (except cancelling and exports), nothing is published, measured, listened to or sent to webhooks, and its public widgets answer 404; its people still sign in, read and export. After `purge_after` the nightly job revokes the platform tokens where the platform allows, deletes every row and stored file, and keeps a receipt: keep `receipt_url`, it works after the accounts are gone. 422 `closure_confirmation_mismatch` when `confirm_slug` is not the organisation's slug; 409 `organization_closing` when it is closing already. Audited as `organization.close`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CloseOrganizationRequest"];
                };
            };
            responses: {
                /** @description The closure: the grace period has started */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrganizationClosure"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Cancel the closure during its grace period: the organisation is active again
         * @description Owners only, signed in. 404 `closure_not_found` without a pending closure; 409 `closure_grace_period_over` once `purge_after` has passed. Audited as `organization.closure_cancel`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The closure, cancelled */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrganizationClosure"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's users, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                    role?: "owner" | "admin" | "manager" | "editor" | "approver" | "viewer";
                    is_active?: "true" | "false";
                    /** @description Prefix of the email, first name, last name or full name; case-insensitive */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of users */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a user to the organisation
         * @description 403 `role_not_assignable` for a role above yours, 403 `permission_not_grantable` for a permission you do not hold; 409 `email_taken` / `username_taken`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateUserRequest"];
                };
            };
            responses: {
                /** @description The new user */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user of the organisation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The user */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Deactivate a user: no more sign-ins, sessions ended (the user and their history stay)
         * @description Same rules as PATCH; deactivating yourself is allowed unless you are the last active owner.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deactivated (also when the user already was) */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a user's profile, role, permissions or status
         * @description 403 `user_outranks_you`, `cannot_raise_own_role`, `role_not_assignable`, `permission_not_grantable`; 409 `last_owner` when the organisation would be left without an active owner, `user_changed` when someone else changed the user meanwhile.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateUserRequest"];
                };
            };
            responses: {
                /** @description The user as changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/users/{id}/access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** When a user may act, and which events they are limited to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Their access */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserAccess"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Limit a user to a window of time and/or to some events (replaces what was set)
         * @description Takes effect at once: the user's older access tokens stop at their next request (401 `token_revoked`; a refresh gets one for the new access), and a window already closed ends their sessions. Outside the window, sign-in and refresh are 403 `access_not_started` / `access_ended` and access tokens 401 `access_ended`, to the second. A user limited to events sees only those events' data and gets 403 `limited_to_events` on organisation-wide operations. 404 `event_not_found`; 403 as for PATCH; 409 `owner_not_limitable`; 400 when the end is not after the start or both ends are given. An empty body lifts every limit.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SetUserAccessRequest"];
                };
            };
            responses: {
                /** @description Their access as changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserAccess"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's audit trail, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                    entity_type?: string;
                    entity_id?: string;
                    /** @description The acting user, or API key */
                    actor_id?: string;
                    /** @description Exact (`user.update`) or a prefix with a trailing `*` (`user.*`) */
                    action?: string;
                    /** @description Inclusive lower bound of created_at */
                    from?: string;
                    /** @description Inclusive upper bound of created_at; not before `from` (else 400, `invalid_range`) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of audit entries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditLogList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organisation's exports, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExportList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Export the organisation's data, or one person's
         * @description Starts building an archive in the background: NDJSON (one JSON object per row, keyed by column) gzip-compressed per table, the media files, and a manifest with each file's rows and SHA-256 (README, "Data lifecycle"). Answers 202 at once; poll `GET /v1/exports/{id}`. Secrets (password hashes, platform tokens, signing secrets) are never exported. 404 `user_not_found` / `delegate_not_found` for a subject outside the organisation; 409 `too_many_exports` while 3 are under way. Audited as `export.create` with the scope only. Only a signed-in owner or admin may export.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ExportRequest"];
                };
            };
            responses: {
                /** @description Accepted; the export is queued */
                202: {
                    headers: {
                        /** @description The export's resource */
                        Location?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Export"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An export's status and progress, and its download link once completed
         * @description `download_url` is a fresh signed link each time, valid for an hour (`download_expires_at`), to one tar file; it needs no token. The archive itself is kept 7 days (`expires_at`).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The export */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Export"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/erasures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organisation's erasures, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErasureList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Erase a person's data
         * @description Removes a delegate's, a user's or an inbound author's personal data everywhere the organisation holds it: their rows, their name, address and handles cut out of every version of content and every other text, their photo's bytes, exports, retention archives (rewritten, still verifiable), kept webhook deliveries and the public cache (README, "Data lifecycle"). Answers 202 at once with the receipt; poll `GET /v1/erasures/{id}`. The same person asked for again while their erasure runs answers that erasure. 404 `user_not_found` / `delegate_not_found`; 409 `last_owner` for the organisation's last active owner. Audited as `erasure.create` and `erasure.complete` with ids and counts only. Only a signed-in owner or admin may erase.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ErasureRequest"];
                };
            };
            responses: {
                /** @description Accepted; the erasure is queued (or already under way) */
                202: {
                    headers: {
                        /** @description The erasure's receipt */
                        Location?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Erasure"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/erasures/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An erasure's receipt: what kinds of records went, how many, and when */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The erasure */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Erasure"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organisation's API keys, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                    /** @description Only keys in this state */
                    status?: "active" | "expired" | "revoked";
                    /** @description Only keys limited to this event */
                    event_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKeyList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an API key (the key is in this answer only)
         * @description A key for your own systems to call the API with, as Authorization: Bearer gk_live_…, instead of a user's access token. It holds the permissions given here, each one you hold yourself (403 permission_not_held); optionally an expiry and one event it is limited to. Only its SHA-256 is stored: keep the key from this answer, it cannot be shown again. Every request made with it is audited as the key (actor_type api_key) and counted against its budget (API_KEY_RATE_LIMIT a minute, 600 by default; past it 429 rate_limited with Retry-After; every answer carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset). Only a signed-in user creates keys.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateApiKeyRequest"];
                };
            };
            responses: {
                /** @description Created; `key` is shown this once */
                201: {
                    headers: {
                        /** @description The key's resource */
                        Location?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedApiKey"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an API key (never the key itself) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The key */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke an API key, at once
         * @description The key's very next request answers 401 api_key_revoked (every request reads the key's row; nothing caches it). Revoking cannot be undone: create a new key. 409 api_key_revoked when it already is. Only a signed-in user revokes keys.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List events */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                    status?: "draft" | "scheduled" | "live" | "completed" | "archived";
                    /** @description Name or slug starts with */
                    q?: string;
                    starts_after?: string;
                    starts_before?: string;
                    /** @description A field; a leading - sorts descending (default -start_date) */
                    sort?: "start_date" | "-start_date" | "created_at" | "-created_at" | "name" | "-name";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create an event */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateEventRequest"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Event"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an event */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The event */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Event"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an event (restorable) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update an event (send If-Match to refuse stale edits) */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag you read; a stale one is 412 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateEventRequest"];
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Event"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match does not match the current version */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/events/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a deleted event */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Restored */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Event"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/delegates/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import delegates from a CSV file
         * @description A UTF-8 CSV (RFC 4180) whose header row names the columns: first_name (required), title, last_name, designation, organization, country, delegate_type, vip_tier, precedence (1 is named first; empty: not ranked), auto_tag (true/false/yes/no/1/0), email and <platform>_handle (x_handle, bluesky_handle …). Names are case-insensitive; spaces work for underscores. A row matching a delegate of the event (same email, else same first name, last name and organisation) updates it in the file's columns only; an empty cell clears a field. Importing the same file again changes nothing. Rows that break a field rule are rejected and reported; the others are imported. A file that is not proper CSV, or has more than 50000 rows, is refused whole (400 invalid_csv with the line); the limit is 10485760 bytes (413).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/csv": string;
                };
            };
            responses: {
                /** @description What the import did */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DelegateImportReport"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/delegates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List or search an event's delegates */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                    /** @description Full text over name, designation and organisation, in web-search syntax ("exact phrase", or, -word); results by relevance unless `sort` is given */
                    q?: string;
                    delegate_type?: "delegate" | "speaker" | "vip" | "minister" | "head_of_state" | "media" | "exhibitor" | "sponsor" | "staff" | "other";
                    /** @description At least this VIP tier */
                    vip_tier_min?: number | null;
                    country?: string;
                    auto_tag?: "true" | "false";
                    /** @description A field; a leading - sorts descending (default: relevance with q, else -created_at) */
                    sort?: "created_at" | "-created_at" | "first_name" | "-first_name";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DelegateList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a delegate to an event */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateDelegateRequest"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Delegate"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/delegates/{delegate_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a delegate */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    delegate_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The delegate */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Delegate"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a delegate (restorable) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    delegate_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a delegate (send If-Match to refuse stale edits) */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag you read; a stale one is 412 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                    delegate_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateDelegateRequest"];
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Delegate"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match does not match the current version */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/events/{id}/delegates/{delegate_id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a removed delegate */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                    delegate_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Restored */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Delegate"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/phases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an event's phases, by start */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventPhaseList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a phase to an event
         * @description A phase lies within its event: from at most 90 days before the event's start_date (a pre-event phase) to at most 90 days after its end_date (a post-event phase); otherwise 400 phase_outside_event, which lists the bounds. Phases of one event never overlap (each runs from starts_at up to, not including, ends_at; one may start when the previous ends); an overlap is 409 phase_overlap naming the phase overlapped, also when two requests race. A deleted event, or another organisation's, is 404 event_not_found.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateEventPhaseRequest"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventPhase"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/phases/{phase_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a phase */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    phase_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The phase */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventPhase"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a phase (restorable) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    phase_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Update a phase (send If-Match to refuse stale edits)
         * @description A phase lies within its event: from at most 90 days before the event's start_date (a pre-event phase) to at most 90 days after its end_date (a post-event phase); otherwise 400 phase_outside_event, which lists the bounds. Phases of one event never overlap (each runs from starts_at up to, not including, ends_at; one may start when the previous ends); an overlap is 409 phase_overlap naming the phase overlapped, also when two requests race. A deleted event, or another organisation's, is 404 event_not_found.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag you read; a stale one is 412 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                    phase_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateEventPhaseRequest"];
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventPhase"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match does not match the current version */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/events/{id}/phases/{phase_id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a deleted phase (409 phase_overlap if another phase took its time meanwhile) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                    phase_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Restored */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventPhase"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/sessions/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import the programme (sessions) from a CSV file
         * @description A UTF-8 CSV (RFC 4180) whose header row names the columns: title, starts_at and ends_at (ISO 8601 with an offset, e.g. 2027-03-10T09:00:00+03:00) are required; phase (a phase's id or name; by default the phase containing starts_at), room, description and speakers (delegates of the event by id, email or import key "first|last|organisation", separated by ;) are optional. Names are case-insensitive; spaces work for underscores. A session is identified by its title, start and room: a row matching one updates its description and speakers (in the file's columns only); importing the same file again changes nothing. A session's times never change by import: a matched row with another end is rejected (move the session). Rows that break a rule are rejected and reported; the others are imported. A file that is not proper CSV, or has more than 5000 rows, is refused whole (400 invalid_csv with the line); the limit is 2097152 bytes (413).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/csv": string;
                };
            };
            responses: {
                /** @description What the import did */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SessionImportReport"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event's agenda: its sessions in programme order */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                    phase_id?: string;
                    /** @description Sessions this delegate speaks at */
                    speaker_id?: string;
                    room?: string;
                    /** @description Starting at or after */
                    from?: string;
                    /** @description Starting before; not before `from` (400) */
                    to?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventSessionList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a session to an event's agenda
         * @description A session lies within its phase (from the phase's start to its end; a phase may reach 90 days before or after the event, so sessions of pre- and post-event phases are fine), else 400 session_outside_phase with the bounds; without phase_id it goes in the phase containing starts_at. Speakers are delegates of the same event (400 unknown_speaker). A deleted event, or another organisation's, is 404 event_not_found; an unknown phase 404 event_phase_not_found.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateEventSessionRequest"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventSession"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a session */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The session */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventSession"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Remove a session from the agenda (restorable)
         * @description Content scheduled relative to it keeps its last time.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Update a session (send If-Match to refuse stale edits)
         * @description Title, description, room and speakers (replaced as a whole, 400 unknown_speaker). Times change through POST /v1/sessions/{id}/move.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag you read; a stale one is 412 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateEventSessionRequest"];
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventSession"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match does not match the current version */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/sessions/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a deleted session */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Restored */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventSession"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a session; what is scheduled relative to it follows
         * @description The new start (starts_at, or shift_minutes from the current one) keeps the duration unless ends_at is given. The session stays within its phase (else 400 session_outside_phase: move the phase). In the same transaction, everything scheduled relative to what moved follows: the content's scheduled_for (unless it is already publishing or published), its waiting posts (a post already claimed or being published goes out as it is, and is counted in posts.in_flight), and the deadlines of its pending approval requests that count back from the publish time. The content's author and the current approvers are notified (schedule.moved). A post whose new time has passed, or that the move carries out of the event's dates, is held (publish_status held, schedule.held notification) until someone decides: POST /v1/content/{id}/publish-now, a new time through POST /v1/content/{id}/transitions (to scheduled, with scheduled_for or relative_to), or unscheduling it (to approved). A held post stays held through later moves, at its new time.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                    /** @description The ETag you read; a stale one is 412 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MoveRequest"];
                };
            };
            responses: {
                /** @description The session at its new time, and what followed */
                200: {
                    headers: {
                        /** @description The session's new ETag */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventSessionMoveResult"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match does not match the current version */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/event-phases/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a phase with its sessions; what is scheduled relative to them follows
         * @description The phase and every session in it move by the same shift (starts_at or shift_minutes); the phase's end moves by it too unless ends_at is given (a shorter phase that would leave a session out is 409 sessions_outside_phase). The phase stays within the event's window (400 phase_outside_event) and off other phases (409 phase_overlap). In the same transaction, everything scheduled relative to what moved follows: the content's scheduled_for (unless it is already publishing or published), its waiting posts (a post already claimed or being published goes out as it is, and is counted in posts.in_flight), and the deadlines of its pending approval requests that count back from the publish time. The content's author and the current approvers are notified (schedule.moved). A post whose new time has passed, or that the move carries out of the event's dates, is held (publish_status held, schedule.held notification) until someone decides: POST /v1/content/{id}/publish-now, a new time through POST /v1/content/{id}/transitions (to scheduled, with scheduled_for or relative_to), or unscheduling it (to approved). A held post stays held through later moves, at its new time.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                    /** @description The ETag you read; a stale one is 412 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MoveRequest"];
                };
            };
            responses: {
                /** @description The phase at its new time, and what followed */
                200: {
                    headers: {
                        /** @description The phase's new ETag */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventPhaseMoveResult"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match does not match the current version */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/widgets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event's widgets: on or off, the public key, the embed code, the wall's moderation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventWidgets"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Switch the event's widgets on or off and set how its wall is moderated
         * @description The first call makes the event's public key. Fields not given keep their value; `filters` fields replace theirs. Readers and open widgets follow at once.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateEventWidgetsRequest"];
                };
            };
            responses: {
                /** @description The settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventWidgets"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/events/{id}/widgets/rotate-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give the event a new public key (every embed with the old one stops) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventWidgets"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/wall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The wall's moderation queue: pending (default), approved or hidden items, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                    status?: "pending" | "approved" | "hidden";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WallQueuePage"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/wall/blocked-authors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Block an author on the wall: every item of theirs hidden, and whatever they post next */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BlockWallAuthorRequest"];
                };
            };
            responses: {
                /** @description How many of their items were hidden */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            hidden: number;
                        };
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/wall/{item_id}/moderation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve, hide, pin or unpin an item of the wall
         * @description Audited as wall_item.<action> and pushed to every open widget at once. Pinning approves too; at most 3 items are pinned (409 too_many_pinned).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                    item_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WallModerationRequest"];
                };
            };
            responses: {
                /** @description The item */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WallQueueItem"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List campaigns */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                    status?: "draft" | "active" | "paused" | "completed" | "archived";
                    event_id?: string;
                    campaign_type?: "awareness" | "engagement" | "live_coverage" | "speaker_spotlight" | "sponsorship" | "recap";
                    /** @description Campaigns that target this platform */
                    platform?: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                    /** @description A UTC day (YYYY-MM-DD): campaigns running on it */
                    active_on?: string;
                    /** @description Name starts with */
                    q?: string;
                    /** @description A field; a leading - sorts descending (default -start_date) */
                    sort?: "start_date" | "-start_date" | "created_at" | "-created_at" | "name" | "-name";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CampaignList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a campaign
         * @description event_id, if given, must be an event of the organisation that is not deleted (else 404 event_not_found). Status lifecycle: draft → active or archived; active → paused or completed; paused → active; completed → archived. Any other move is 409 invalid_status_transition.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateCampaignRequest"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a campaign */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The campaign */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a campaign (restorable) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Update a campaign (send If-Match to refuse stale edits)
         * @description event_id null detaches the campaign from its event. Status lifecycle: draft → active or archived; active → paused or completed; paused → active; completed → archived. Any other move is 409 invalid_status_transition.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag you read; a stale one is 412 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateCampaignRequest"];
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match does not match the current version */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/campaigns/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a deleted campaign */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Restored */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a multipart upload
         * @description Answers the upload's id, `part_size` and `part_count`. Send parts 1…part_count with `PUT /v1/media/uploads/{upload_id}/parts/{n}`, every part exactly `part_size` bytes except the last (`last_part_size`), in any order, then complete. Uploads expire after 7 days.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateMediaUploadRequest"];
                };
            };
            responses: {
                /** @description Started */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MediaUpload"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Over the type's size limit (`media_too_large`, with `limit_bytes`) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/uploads/{upload_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where a multipart upload stands: the parts that arrived and the ones missing */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    upload_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The upload */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MediaUpload"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Abort a multipart upload and discard its parts */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    upload_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Aborted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The upload is completed, aborted or expired (`upload_completed`, `upload_aborted`, `upload_expired`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/uploads/{upload_id}/parts/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Send one part (raw bytes, exactly its size); sending a part again replaces it */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    upload_id: string;
                    /** @description Part number, from 1 */
                    n: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/octet-stream": string;
                };
            };
            responses: {
                /** @description Stored; the upload as it now stands */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MediaUpload"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The upload is completed, aborted or expired (`upload_completed`, `upload_aborted`, `upload_expired`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Content-Length is missing (`length_required`) */
                411: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The first part's bytes are not the declared type (`media_type_mismatch`, `unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/uploads/{upload_id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete a multipart upload: the file becomes a media asset */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    upload_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The media asset; processing is queued */
                201: {
                    headers: {
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Media"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Parts are missing (`upload_incomplete`, with `missing_parts`), or the upload is closed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The bytes are not the declared type (`media_type_mismatch`, `unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List media, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                    file_type?: "image" | "video" | "document";
                    /** @description Filename starts with */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MediaList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload a file (raw bytes in the body)
         * @description Send the file's bytes as the body (not multipart/form-data) with `Content-Length`, its `Content-Type` (or `application/octet-stream` to let the server decide) and its name in `?filename=`. The server decides the type from the bytes: a claim that disagrees is 415 `media_type_mismatch`, a format it does not take is 415 `unsupported_media_type`; nothing of a refused file is kept. Limits: images 20 MiB, PDF 50 MiB, video 512 MiB; one request at most 100 MB, larger files go through `POST /v1/media/uploads`. The asset starts `pending` and is processed from a queue. `embargo_until` / `embargo_session_id` start it under embargo. An embargo (embargo_until, embargo_session_id, or both: the later wins) keeps the file off every public page, and holds every post of content that uses it, until it lifts (embargo_lifts_at); a session must be a live one of the organisation (else 404 event_session_not_found).
         */
        post: {
            parameters: {
                query: {
                    filename: string;
                    embargo_until?: string;
                    embargo_session_id?: string;
                };
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/gif": string;
                    "image/webp": string;
                    "video/mp4": string;
                    "video/quicktime": string;
                    "video/webm": string;
                    "application/pdf": string;
                    "application/octet-stream": string;
                };
            };
            responses: {
                /** @description Stored; processing is queued */
                201: {
                    headers: {
                        /** @description The metadata's version */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Media"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Content-Length is missing (`length_required`) */
                411: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Over the type's size limit or the one-request limit (`media_too_large`, with `limit_bytes`) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The bytes are not a supported format (`unsupported_media_type`) or not the claimed one (`media_type_mismatch`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a media asset's metadata */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The asset */
                200: {
                    headers: {
                        /** @description The metadata's version */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Media"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a media asset (restorable); refused while content uses it */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Live content uses the asset (`media_in_use`, with `content_ids`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Set, move or lift a media asset's embargo (send If-Match to refuse stale edits)
         * @description An embargo (embargo_until, embargo_session_id, or both: the later wins) keeps the file off every public page, and holds every post of content that uses it, until it lifts (embargo_lifts_at); a session must be a live one of the organisation (else 404 event_session_not_found). An asset already shown on an event's public pages leaves them at once.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag you read; a stale one is 412 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateMediaRequest"];
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        /** @description The metadata's version */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Media"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match does not match the current version */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/media/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a deleted media asset */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Restored */
                200: {
                    headers: {
                        /** @description The metadata's version */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Media"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the bytes (supports Range and If-None-Match) */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description One range: bytes=a-b, bytes=a- or bytes=-n */
                    range?: string;
                    /** @description An ETag you have: 304 if unchanged */
                    "if-none-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file */
                200: {
                    headers: {
                        /** @description R2's etag of the bytes */
                        ETag?: string;
                        "Cache-Control"?: string;
                        "Accept-Ranges"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description The requested range (Content-Range says which) */
                206: {
                    headers: {
                        /** @description R2's etag of the bytes */
                        ETag?: string;
                        "Cache-Control"?: string;
                        "Accept-Ranges"?: string;
                        "Content-Range"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description Not modified (If-None-Match matched) */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The range starts past the end (`range_not_satisfiable`); Content-Range: bytes *\/size */
                416: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List content
         * @description Every version is a row; latest=true keeps only the newest version of each chain.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                    workflow_status?: "draft" | "in_review" | "changes_requested" | "approved" | "scheduled" | "publishing" | "published" | "partially_published" | "failed" | "archived";
                    event_id?: string;
                    campaign_id?: string;
                    content_type?: "post" | "thread" | "story" | "reel" | "article" | "announcement" | "quote_card" | "live_update";
                    /** @description Content that targets this platform */
                    platform?: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                    /** @description scheduled_for at or after */
                    scheduled_from?: string;
                    /** @description scheduled_for before */
                    scheduled_to?: string;
                    /** @description Full text over title and caption, in web-search syntax ("exact phrase", or, -word); results by relevance unless `sort` is given */
                    q?: string;
                    latest?: "true" | "false";
                    /** @description A field; a leading - sorts descending (default: relevance with q, else -created_at) */
                    sort?: "created_at" | "-created_at" | "updated_at" | "-updated_at";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ContentList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create content (a draft, version 1)
         * @description event_id, campaign_id and embargo_session_id must be live ones of the organisation (else 404 event_not_found / campaign_not_found / event_session_not_found); every media_assets id must be an asset of its library (else 400 unknown_media, listing them in unknown_media). An embargo (embargo_until, embargo_session_id, or both: the later wins) lets the content be approved and scheduled but never published or shown publicly before it lifts; embargo_lifts_at says when, counting its media's embargoes.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateContentRequest"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        /** @description The new version */
                        Location?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Content"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read content */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The content */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Content"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete content (restorable) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Edit content (a draft in place; anything else as a new version)
         * @description A draft is changed in place and answered with 200. Content in any other status (in review, changes requested, approved, scheduled…) is never changed: the edit becomes a NEW row — a new id, parent_version_id = the edited row, version = its version + 1, status draft — answered with 201 and its Location. Only the newest version of a chain can be edited that way (else 409 not_latest_version, naming newer_version_id). Status changes go through POST /v1/content/{id}/transitions. event_id, campaign_id and embargo_session_id must be live ones of the organisation (else 404 event_not_found / campaign_not_found / event_session_not_found); every media_assets id must be an asset of its library (else 400 unknown_media, listing them in unknown_media). An embargo (embargo_until, embargo_session_id, or both: the later wins) lets the content be approved and scheduled but never published or shown publicly before it lifts; embargo_lifts_at says when, counting its media's embargoes.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag you read; a stale one is 412 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateContentRequest"];
                };
            };
            responses: {
                /** @description The draft, updated */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Content"];
                    };
                };
                /** @description The new version (a draft) */
                201: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        /** @description The new version */
                        Location?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Content"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match does not match the current version */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/content/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore deleted content */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Restored */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Content"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move content to another workflow status
         * @description Workflow: draft → in_review; in_review → changes_requested, approved or draft (withdrawn); changes_requested → in_review or draft; approved → scheduled or in_review; scheduled → approved (unschedule); failed → scheduled (retry); failed or partially_published → publishing (a post retried); any status but publishing → archived. publishing, published, partially_published and failed are set by the publisher. Any other move is 409 invalid_status_transition. Content with approval_required is reviewed only through an approval request (POST /v1/content/{id}/approval-requests): sending it to review or deciding it here is 409 approval_request_required, and while a request is pending any move is 409 approval_request_pending. Scheduling needs scheduled_for in the future (send it here, or set it before) and every target platform's rules to pass, else 422 platform_rules_failed with the failures (as POST /v1/content/{id}/validate reports them); it writes one published post per target account (422 no_account_for_platform when a platform has none). When the organisation's protocol_checks setting is block, moving content into review or scheduling it is 422 protocol_check_failed (listing the findings) while it has a protocol finding of severity error. Unscheduling or archiving cancels the posts that have not gone out.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                    /** @description The ETag you read; a stale one is 412 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ContentTransitionRequest"];
                };
            };
            responses: {
                /** @description The content in its new status */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Content"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match does not match the current version */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check the content against its target platforms' rules (changes nothing)
         * @description Answers what scheduling would check now: scheduled_for in the future, and for each target platform the caption length as that platform counts it (X weighted, Bluesky graphemes…), hashtag, mention and link counts, and the number, types, sizes and shapes of the media. protocol_findings are the protocol checks for the VIP delegates the text names (VIPs of the content's event, or of every event without one): protocol_title_missing (the recorded title is not before the first full mention), protocol_handle_missing (auto_tag is set and the handle for an X, Bluesky, Threads or Instagram target is not tagged), protocol_precedence (ranked delegates named out of the order of precedence), all severity error; protocol_name_mismatch (a name one letter off, or the title with the surname alone), severity warning. Under the organisation's protocol_checks: block, an error finding makes ok false.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The verdict */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ContentValidation"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The versions of the content's chain, oldest first
         * @description From any version of the chain, earlier or later: every live version, the first one first.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of versions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ContentVersionList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What changed between two versions
         * @description Compares content_type, title, caption, hashtags, media_assets, target_platforms, scheduled_for, approval_required, event_id and campaign_id. Both versions must be in the chain of {id} (else 404 content_version_not_found). `to` defaults to {id}, `from` to the version `to` was made from.
         */
        get: {
            parameters: {
                query?: {
                    /** @description A version id (default: the parent of `to`) */
                    from?: string;
                    /** @description A version id (default: {id}) */
                    to?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The differences */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ContentVersionDiff"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/versions/{version_id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a new version from an earlier one
         * @description Copies the fields of {version_id} (a version in the chain of {id}) into a NEW row: a draft made from the newest version of the chain (parent_version_id = that version, version = its version + 1). Answered with 201 and its Location; nothing existing changes.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                    version_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The new version (a draft) */
                201: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        /** @description The new version */
                        Location?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Content"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List content templates */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                    content_type?: "post" | "thread" | "story" | "reel" | "article" | "announcement" | "quote_card" | "live_update";
                    /** @description Name starts with (any case) */
                    q?: string;
                    /** @description A field; a leading - sorts descending (default -created_at) */
                    sort?: "created_at" | "-created_at" | "name" | "-name";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TemplateList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a content template
         * @description title, caption and hashtags may hold placeholders written {{name}}, from this closed list: event.name, event.start_date, event.end_date, event.hashtags, event.handle.bluesky, event.handle.x, event.handle.facebook, event.handle.instagram, event.handle.linkedin, event.handle.threads, phase.name, delegate.title, delegate.first_name, delegate.last_name, delegate.full_name, delegate.designation, delegate.organization, delegate.handle.bluesky, delegate.handle.x, delegate.handle.facebook, delegate.handle.instagram, delegate.handle.linkedin, delegate.handle.threads. Dates render as a day in the event's time zone ("10 March 2027"); event.hashtags is the event's official hashtags joined by spaces; handles render with one leading @ on x, threads, instagram and bluesky (as stored on facebook and linkedin); delegate.full_name is title, first and last name. A value the row does not have (no title, no handle) renders empty. Any other placeholder is 400 unknown_placeholder, listing them in placeholders.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateTemplateRequest"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a content template */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The template */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a content template (restorable) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Update a content template (send If-Match to refuse stale edits)
         * @description template_data is replaced as a whole. title, caption and hashtags may hold placeholders written {{name}}, from this closed list: event.name, event.start_date, event.end_date, event.hashtags, event.handle.bluesky, event.handle.x, event.handle.facebook, event.handle.instagram, event.handle.linkedin, event.handle.threads, phase.name, delegate.title, delegate.first_name, delegate.last_name, delegate.full_name, delegate.designation, delegate.organization, delegate.handle.bluesky, delegate.handle.x, delegate.handle.facebook, delegate.handle.instagram, delegate.handle.linkedin, delegate.handle.threads. Dates render as a day in the event's time zone ("10 March 2027"); event.hashtags is the event's official hashtags joined by spaces; handles render with one leading @ on x, threads, instagram and bluesky (as stored on facebook and linkedin); delegate.full_name is title, first and last name. A value the row does not have (no title, no handle) renders empty. Any other placeholder is 400 unknown_placeholder, listing them in placeholders.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag you read; a stale one is 412 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateTemplateRequest"];
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match does not match the current version */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/templates/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a deleted content template */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Restored */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{id}/render": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Render a template into a new content draft
         * @description Needs content:write and templates:read. Fills the template's placeholders from the event, and the phase and delegate (both of that event) when given, into a NEW content draft (version 1) of the event, and counts the use in usage_count. Ids that are not live ones of the organisation are 404 (template_not_found, event_not_found, phase_not_found, delegate_not_found, campaign_not_found); a template that uses phase.* or delegate.* without phase_id or delegate_id is 400 missing_context, listing them in placeholders; rendered text longer than content allows is 400 rendered_too_long. Rendered hashtags are split on spaces and normalised like content hashtags.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RenderTemplateRequest"];
                };
            };
            responses: {
                /** @description The rendered draft */
                201: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        /** @description The new content */
                        Location?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Content"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/approval-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit content for approval
         * @description Chooses the approval workflow (the most specific active one whose trigger conditions hold; none: manual approval by a manager or above), snapshots its steps, moves the content to in_review and notifies the first step's approvers. 409 approval_request_pending when one is pending; 409 invalid_status_transition when the content cannot go into review (from draft, changes_requested, approved or in_review it can); 422 scheduled_for_passed when its scheduled time is behind us (set a new one); 422 protocol_check_failed (listing the findings) when the organisation's protocol_checks setting is block and the content breaks protocol for a VIP delegate (see POST /v1/content/{id}/validate). A request expires when the content's scheduled time passes before it is approved.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["SubmitForApprovalRequest"];
                };
            };
            responses: {
                /** @description The request, pending */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalRequestDetail"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/approval-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The approval inbox
         * @description By default what waits for you: pending requests whose current step names you (by role or id, or as its escalation target once escalated), that you have not approved yet, for content you neither wrote nor submitted — oldest step deadline first, none last. Deciding needs content:approve, so without it the inbox is empty.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                    /** @description mine (default): pending requests waiting for you, oldest step deadline first (none last); submitted: requests for content you wrote or submitted; all: every request (needs content:approve). The last two are newest first. */
                    scope?: "mine" | "submitted" | "all";
                    status?: "pending" | "approved" | "rejected" | "changes_requested" | "cancelled" | "expired";
                    content_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalRequestList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/approval-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an approval request with its steps and actions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The request */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalRequestDetail"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/approval-requests/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve, reject, request changes, comment or cancel
         * @description approve / reject / request_changes: only someone the current step names (by role or id; once escalated, its escalation targets too) holding content:approve, never the content's author or submitter (403 own_content, not_an_approver, missing_permission); one approval per person and step (409 already_approved). When the step's quorum is met the next step starts, or after the last one the content is approved. reject and request_changes end the request and send the content back (changes_requested); resubmitting starts a new request. comment: the authors and anyone with content:approve. cancel: the content's author or submitter (content → draft). reject, request_changes and comment need a comment. 409 approval_request_closed once it has ended. 200 when the action is recorded in the database; 202 when the database did not answer: the action holds, and is written as soon as it does.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApprovalActionRequest"];
                };
            };
            responses: {
                /** @description Recorded */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalActionResult"];
                    };
                };
                /** @description Recorded by the request; being written to the database */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalActionResult"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/approval-requests/{id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an outside approver a link
         * @description A signed link for someone without an account (a speaker, a VIP's office) to see the content and approve or reject the CURRENT step once, before it expires (at most 168 hours; default 72). Their approval counts as one toward the step's quorum (an "all" step still needs each named user). Only the step's approvers or a manager or above may send one. Deliver the URL yourself: it is shown once.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApprovalLinkRequest"];
                };
            };
            responses: {
                /** @description The link */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalLink"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/approval-links/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What an approval link shows
         * @description The content version under review and the step the link decides. 404 approval_link_not_found for a link that is not ours or was altered; 410 approval_link_expired once it has expired; 409 approval_link_used once it has been used, approval_request_closed once the request has ended, approval_step_closed once the request has moved past the link's step.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The token of the link's URL */
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The content and step */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalLinkView"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The link has expired (approval_link_expired) */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Approve or reject through an approval link (once)
         * @description Counts as one approval of the link's step, or rejects the request (a comment is required then). Audited as the person the link was sent to. 404 approval_link_not_found for a link that is not ours or was altered; 410 approval_link_expired once it has expired; 409 approval_link_used once it has been used, approval_request_closed once the request has ended, approval_step_closed once the request has moved past the link's step. 202 when the database did not answer: the decision holds and is written as soon as it does.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The token of the link's URL */
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApprovalLinkDecision"];
                };
            };
            responses: {
                /** @description Recorded */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalActionResult"];
                    };
                };
                /** @description Recorded; being written */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalActionResult"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The link has expired (approval_link_expired) */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social-accounts/oauth/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start connecting an account with OAuth (PKCE); the link lasts 10 minutes */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["StartOAuthRequest"];
                };
            };
            responses: {
                /** @description The consent page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StartOAuthResponse"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A dependency is unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social-accounts/oauth/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the platform sends the browser back (authenticated by the signed state) */
        get: {
            parameters: {
                query?: {
                    state?: string;
                    code?: string;
                    error?: string;
                    error_description?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Reconnected an existing account */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SocialAccount"];
                    };
                };
                /** @description Connected a new account */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SocialAccount"];
                    };
                };
                /** @description Back to return_to, with ?connected=<id> or ?error=<code> */
                303: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A dependency is unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social-accounts/app-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Connect an account with an app password (Bluesky) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AppPasswordConnectRequest"];
                };
            };
            responses: {
                /** @description Reconnected an existing account */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SocialAccount"];
                    };
                };
                /** @description Connected a new account */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SocialAccount"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A dependency is unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List connected social accounts */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                    platform?: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                    event_id?: string;
                    connection_status?: "connected" | "reauth_required";
                    is_active?: "true" | "false";
                    /** @description A field; a leading - sorts descending (default -created_at) */
                    sort?: "created_at" | "-created_at" | "platform" | "-platform";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SocialAccountList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social-accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a social account */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The account */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SocialAccount"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Disconnect an account (restorable; connecting it again also brings it back) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Disconnected */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Tie an account to an event, or pause it (send If-Match to refuse stale edits) */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag you read; a stale one is 412 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateSocialAccountRequest"];
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SocialAccount"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match does not match the current version */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/social-accounts/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a disconnected account */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Restored */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SocialAccount"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/approval-workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List approval workflows */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                    is_active?: "true" | "false";
                    /** @description A field; a leading - sorts descending (default -created_at) */
                    sort?: "created_at" | "-created_at" | "name" | "-name";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalWorkflowList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an approval workflow
         * @description Steps run in order. Named users must be active users of the organisation (else 422 unknown_approver); a step that names only users cannot need more approvals than it names (422 not_enough_approvers).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateApprovalWorkflowRequest"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalWorkflow"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/approval-workflows/match": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Which workflow a content item would follow, and why
         * @description Of the active workflows whose every trigger condition the content meets, the one with the most conditions; the oldest among equals. None: manual approval by an owner, admin or manager.
         */
        get: {
            parameters: {
                query: {
                    content_id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The match */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalWorkflowMatch"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/approval-workflows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an approval workflow */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The workflow */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalWorkflow"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an approval workflow (restorable) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Update an approval workflow (send If-Match to refuse stale edits)
         * @description Requests already under way keep the steps they started with.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag you read; a stale one is 412 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateApprovalWorkflowRequest"];
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalWorkflow"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match does not match the current version */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/approval-workflows/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a deleted approval workflow */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Restored */
                200: {
                    headers: {
                        /** @description Send as If-Match to update */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalWorkflow"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your notifications, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                    /** @description true: unread only; false: read only */
                    unread?: "true" | "false";
                    type?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of your notifications are unread */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The count */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UnreadNotificationCount"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of your notifications read (again is fine) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Read */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Notification"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all your unread notifications read */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["MarkAllNotificationsReadRequest"];
                };
            };
            responses: {
                /** @description How many were marked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MarkAllNotificationsReadResponse"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/publish-now": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish approved or scheduled content now
         * @description scheduled_for becomes now and the posts (one per target account, written now for approved content) are sent to the publish queue at once. 409 invalid_status_transition unless approved or scheduled; 409 event_publishing_paused while the content's event is paused; 409 content_embargoed (with embargo_lifts_at) before the content's embargo, or one of its media's, lifts (scheduling stays allowed: the posts wait for the lift); 422 platform_rules_failed or no_account_for_platform as scheduling would answer; 422 protocol_check_failed when the organisation blocks on protocol findings.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                    /** @description The ETag you read; a stale one is 412 */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Queued */
                202: {
                    headers: {
                        /** @description The content's */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublishNowResult"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not publishable now: invalid_status_transition, event_publishing_paused, content_embargoed (with embargo_lifts_at), edit_conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["PublishNowConflict"];
                    };
                };
                /** @description If-Match does not match the current version */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/publishing/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause publishing for the whole event
         * @description An event-wide pause without expiry (POST /v1/events/{id}/publishing/pauses for one that expires, or for a platform or an account). While paused nothing of the event is sent: due posts wait (pending), and a message already on its way puts its post back. Audited (event.publishing_pause); pausing a paused event changes nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The switch */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublishingSwitch"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/publishing/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume the event's publishing
         * @description Lifts the event-wide pauses in force (a platform's or an account's stay). Posts whose time came while paused go out within a minute. Audited (event.publishing_resume).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The switch */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublishingSwitch"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/publishing/pauses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The event's pauses in force
         * @description Those lifting last first (no `until` first). A pause holds while its `until` is ahead (or it has none): the every-minute cron skips what it holds, and a message already queued puts its post back to pending. At `until` it simply stops holding and posts whose time passed go out within a minute.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The pauses */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublishingPauseList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Pause the event, one platform or one account, optionally until a time
         * @description No platform and no account: the whole event. `platform`: only that platform's posts of the event; `social_account_id`: only those through that account. A pause holds while its `until` is ahead (or it has none): the every-minute cron skips what it holds, and a message already queued puts its post back to pending. At `until` it simply stops holding and posts whose time passed go out within a minute. A pause of the same target already in force is replaced (201); asking for the same one again changes nothing (200). The answer names the waiting posts it holds. Audited (event.publishing_pause). 404 event_not_found, social_account_not_found; 400 one_target (both a platform and an account), in_the_past (`until`).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PublishingPauseRequest"];
                };
            };
            responses: {
                /** @description The same pause was already in force */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublishingPauseResult"];
                    };
                };
                /** @description Paused */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublishingPauseResult"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/publishing/pauses/{pause_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Lift a pause now
         * @description Its `until` becomes now (it stays in the audit trail, event.publishing_resume); what it held goes out within a minute unless another pause holds it. Lifting a pause that no longer holds changes nothing. 404 pause_not_found.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    pause_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The lifted pause */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublishingPause"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/operations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The event right now: what goes out next, stuck approvals, failures, accounts, pauses, trends
         * @description One request, one snapshot. `upcoming`: the waiting posts due within `window_minutes` (overdue ones too), each with what holds it when it is due (a pause, an embargo, its account). `approvals`: the pending approval requests of the event's content, earliest deadline first, with whose turn it is and since when. `failed`: posts that failed within `failed_hours`, with the reason and the last attempt. `accounts`: the accounts its posts go through that must be reconnected (refused renewal, expired, or running out within `token_hours` with nothing to renew them). `pauses`: those in force. `trending`: the event's top posts by interactions, what its posts gained over `trending_hours` (the dashboard's figures) and the latest sentiment alert. Not cached: `Cache-Control: no-store`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description What goes out within this many minutes (5–1440, default 60) */
                    window_minutes?: number;
                    /** @description What failed within this many hours (1–168, default 24) */
                    failed_hours?: number;
                    /** @description Accounts whose token runs out within this many hours (1–720, default 24) */
                    token_hours?: number;
                    /** @description What the posts gained over this many hours (1–72, default 3) */
                    trending_hours?: number;
                    /** @description Rows per section; each section's `total` counts them all (1–100, default 20) */
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The operations view */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventOperations"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/published-posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List published posts (one per content and account) */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                    content_id?: string;
                    /** @description Posts whose publish_status is this */
                    status?: "pending" | "queued" | "publishing" | "published" | "failed" | "cancelled" | "deleted" | "held";
                    platform?: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                    social_account_id?: string;
                    /** @description A field; a leading - sorts descending (default -created_at) */
                    sort?: "created_at" | "-created_at" | "updated_at" | "-updated_at";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublishedPostList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/published-posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a published post with every attempt (why it failed) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The post and its attempts, oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublishedPostDetail"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a post from its platform (or cancel it before it goes out)
         * @description A published post is deleted on the platform, then marked deleted; one not sent yet (pending, queued, failed) is cancelled. 409 post_publishing while it is being sent; 422 platform_refused when the platform does not allow it (Instagram has no delete), with its message; 502 platform_unavailable when the platform did not answer.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted (or cancelled) */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/published-posts/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a failed post again (never twice: an uncertain earlier attempt is checked first)
         * @description Only a failed post (else 409 post_not_failed). It is queued and sent at once; its content is publishing again. If an earlier attempt's outcome was uncertain, the platform is asked whether the post exists before anything is sent, so a retry cannot duplicate it.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublishedPost"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What people said to and about the organisation, newest first
         * @description Every item the platforms delivered (webhooks) or listening found (Bluesky notifications, hashtag searches), once each, in its latest state; edits replace the text, deletions remove it (`include_deleted=true` lists them too, without text). Filter by event, platform, kind, a mentioned delegate, our published post, and arrival time; `q` searches the text and the author's handle and name and orders by relevance.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                    event_id?: string;
                    platform?: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                    /** @description mention (names one of our accounts), reply or comment (on our post or in its thread), quote, repost, hashtag (carries an event's official hashtag) */
                    kind?: components["schemas"]["InboundKind"];
                    /** @description Items that mention this delegate */
                    delegate_id?: string;
                    /** @description Items answering this post of ours */
                    published_post_id?: string;
                    /** @description Arrived at or after */
                    from?: string;
                    /** @description Arrived at or before */
                    to?: string;
                    /** @description Full text in web-search syntax ("exact phrase", or, -word); results by relevance */
                    q?: string;
                    include_deleted?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InboundItemList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound-items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one inbound item */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The item */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InboundItem"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound-failures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Webhook deliveries that could not be stored, most recent first
         * @description A delivery the ingest queue could not store after its retries and its dead-letter queue is kept, listed here for each organisation holding the account it was for (owners and admins are notified once), and sent through the queue again by the cron with backoff. `status`: `open` (default), `resolved` (a replay stored it) or `all`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                    status?: "open" | "resolved" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InboundFailureList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound-failures/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a failed delivery through the ingest queue again, now
         * @description The kept delivery goes to the ingest queue at once; when it is stored the failure is resolved. 409 `delivery_not_kept` when it is no longer kept (an earlier replay stored it, or one is under way).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Queued; `resolved_at` is set once it is stored */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InboundFailure"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook endpoints, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpointList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a webhook endpoint (its signing secret is in this answer only)
         * @description Deliveries are signed as the Standard Webhooks specification says (`webhook-id`, `webhook-timestamp`, `webhook-signature`). At most 20 endpoints per organisation (409 `webhook_endpoint_limit`).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateWebhookEndpointRequest"];
                };
            };
            responses: {
                /** @description Created, with its secret */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a webhook endpoint */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The endpoint */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpoint"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a webhook endpoint and its delivery log */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a webhook endpoint's URL, events or description, or enable or disable it
         * @description Enabling an endpoint Guddu disabled clears `disabled_reason`; the deliveries that waited go out within a minute. Events that happened while it was disabled are not delivered. 409 `edit_conflict` when it changed meanwhile.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateWebhookEndpointRequest"];
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpoint"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret (the new one is in this answer only)
         * @description The previous secret keeps signing for 24 hours: meanwhile `webhook-signature` carries two `v1,` signatures, one by each, so a receiver verifies with either while it switches. Rotating again ends the previous one's grace at once.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Rotated, with the new secret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a `webhook.test` event to the endpoint now
         * @description One attempt, even to a disabled endpoint, never retried and never disabling it; its answer shows in the delivery log.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookDelivery"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The endpoint's delivery log, newest first
         * @description Each delivery with the body it sent, its attempts (at most 13), and the last attempt's answer: status, the start of its body, how long it took.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, 1–100 */
                    limit?: number;
                    /** @description The `next_cursor` of the previous page; omit for the first page */
                    cursor?: string;
                    status?: "pending" | "queued" | "sending" | "succeeded" | "failed";
                    event_type?: components["schemas"]["WebhookEventType"] | "webhook.test";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookDeliveryList"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries/{delivery_id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a finished delivery's event again (same `webhook-id` and body)
         * @description A new delivery, sent now, after any unfinished delivery about the same resource. 409 `webhook_endpoint_disabled` (enable the endpoint first) or `webhook_delivery_unfinished` (it is still being tried).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                    delivery_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookDelivery"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Understood but cannot be processed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organisation's dashboard (all posts, or one platform's)
         * @description Totals (each post's latest measurement, summed), a time series of what the posts gained per bucket, a breakdown per platform and the top posts by interactions. A count the platform does not give is null, never 0; `interactions` = likes + comments + shares + saves + clicks; `engagement_rate` = interactions ÷ impressions over the posts whose platform gives impressions (0.0512 = 5.12%), null when there are none. Answers are cached for 5 minutes (`x-guddu-cache: hit`); read from the read replica when one is configured.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The series' bucket, in the scope's time zone (default `day`) */
                    bucket?: "hour" | "day" | "week";
                    /** @description Only the posts on this platform */
                    platform?: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                    /** @description The series starts here (default: the first post) */
                    from?: string;
                    /** @description The series ends, and the totals stand, here (default: now) */
                    to?: string;
                    /** @description Buckets in this zone (default: the event's, for an event or what belongs to one; else UTC) */
                    time_zone?: string;
                    /** @description How many top posts (1–20, default 5) */
                    top?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The dashboard */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dashboard"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/intelligence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What people say about an event: sentiment timeline, alerts, hashtag health, delegates talked about
         * @description From the inbound items filed under the event and their sentiment. `timeline`: per bucket, the items judged positive, neutral, negative or unknown (a language the analyser cannot judge), their mean score in [-1, 1] and the negative share of the judged ones. `alerts`: the 15-minute windows in which at least 10 judged items were at least 40% negative (the managers were notified once each). `hashtags`: each official hashtag's volume, authors, the share from brand-new (< 30 days) or small (< 50 followers) accounts, floods (one text from 3+ accounts) and `hijacked` (the last 3 hours at least 10 judged items, 40%+ negative and at least twice the share before). `delegates`: the 10 most talked about. Default range: a month either side of the event. Cached 60 seconds.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Default `hour` */
                    bucket?: "hour" | "day";
                    /** @description The series starts here (default: the first post) */
                    from?: string;
                    /** @description The series ends, and the totals stand, here (default: now) */
                    to?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The event's intelligence */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventIntelligence"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An event's dashboard
         * @description Totals (each post's latest measurement, summed), a time series of what the posts gained per bucket, a breakdown per platform and the top posts by interactions. A count the platform does not give is null, never 0; `interactions` = likes + comments + shares + saves + clicks; `engagement_rate` = interactions ÷ impressions over the posts whose platform gives impressions (0.0512 = 5.12%), null when there are none. Answers are cached for 5 minutes (`x-guddu-cache: hit`); read from the read replica when one is configured.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The series' bucket, in the scope's time zone (default `day`) */
                    bucket?: "hour" | "day" | "week";
                    /** @description Only the posts on this platform */
                    platform?: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                    /** @description The series starts here (default: the first post) */
                    from?: string;
                    /** @description The series ends, and the totals stand, here (default: now) */
                    to?: string;
                    /** @description Buckets in this zone (default: the event's, for an event or what belongs to one; else UTC) */
                    time_zone?: string;
                    /** @description How many top posts (1–20, default 5) */
                    top?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The dashboard */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dashboard"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A campaign's dashboard, with its KPI progress
         * @description Totals (each post's latest measurement, summed), a time series of what the posts gained per bucket, a breakdown per platform and the top posts by interactions. A count the platform does not give is null, never 0; `interactions` = likes + comments + shares + saves + clicks; `engagement_rate` = interactions ÷ impressions over the posts whose platform gives impressions (0.0512 = 5.12%), null when there are none. Answers are cached for 5 minutes (`x-guddu-cache: hit`); read from the read replica when one is configured.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The series' bucket, in the scope's time zone (default `day`) */
                    bucket?: "hour" | "day" | "week";
                    /** @description Only the posts on this platform */
                    platform?: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                    /** @description The series starts here (default: the first post) */
                    from?: string;
                    /** @description The series ends, and the totals stand, here (default: now) */
                    to?: string;
                    /** @description Buckets in this zone (default: the event's, for an event or what belongs to one; else UTC) */
                    time_zone?: string;
                    /** @description How many top posts (1–20, default 5) */
                    top?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The dashboard */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dashboard"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A piece of content's dashboard (its posts on every account)
         * @description Totals (each post's latest measurement, summed), a time series of what the posts gained per bucket, a breakdown per platform and the top posts by interactions. A count the platform does not give is null, never 0; `interactions` = likes + comments + shares + saves + clicks; `engagement_rate` = interactions ÷ impressions over the posts whose platform gives impressions (0.0512 = 5.12%), null when there are none. Answers are cached for 5 minutes (`x-guddu-cache: hit`); read from the read replica when one is configured.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The series' bucket, in the scope's time zone (default `day`) */
                    bucket?: "hour" | "day" | "week";
                    /** @description Only the posts on this platform */
                    platform?: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                    /** @description The series starts here (default: the first post) */
                    from?: string;
                    /** @description The series ends, and the totals stand, here (default: now) */
                    to?: string;
                    /** @description Buckets in this zone (default: the event's, for an event or what belongs to one; else UTC) */
                    time_zone?: string;
                    /** @description How many top posts (1–20, default 5) */
                    top?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The dashboard */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dashboard"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/published-posts/{id}/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One published post's figures over time
         * @description Totals (each post's latest measurement, summed), a time series of what the posts gained per bucket, a breakdown per platform and the top posts by interactions. A count the platform does not give is null, never 0; `interactions` = likes + comments + shares + saves + clicks; `engagement_rate` = interactions ÷ impressions over the posts whose platform gives impressions (0.0512 = 5.12%), null when there are none. Answers are cached for 5 minutes (`x-guddu-cache: hit`); read from the read replica when one is configured.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The series' bucket, in the scope's time zone (default `day`) */
                    bucket?: "hour" | "day" | "week";
                    /** @description Only the posts on this platform */
                    platform?: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                    /** @description The series starts here (default: the first post) */
                    from?: string;
                    /** @description The series ends, and the totals stand, here (default: now) */
                    to?: string;
                    /** @description Buckets in this zone (default: the event's, for an event or what belongs to one; else UTC) */
                    time_zone?: string;
                    /** @description How many top posts (1–20, default 5) */
                    top?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The dashboard */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dashboard"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social-accounts/{id}/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A social account's dashboard
         * @description Totals (each post's latest measurement, summed), a time series of what the posts gained per bucket, a breakdown per platform and the top posts by interactions. A count the platform does not give is null, never 0; `interactions` = likes + comments + shares + saves + clicks; `engagement_rate` = interactions ÷ impressions over the posts whose platform gives impressions (0.0512 = 5.12%), null when there are none. Answers are cached for 5 minutes (`x-guddu-cache: hit`); read from the read replica when one is configured.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The series' bucket, in the scope's time zone (default `day`) */
                    bucket?: "hour" | "day" | "week";
                    /** @description Only the posts on this platform */
                    platform?: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                    /** @description The series starts here (default: the first post) */
                    from?: string;
                    /** @description The series ends, and the totals stand, here (default: now) */
                    to?: string;
                    /** @description Buckets in this zone (default: the event's, for an event or what belongs to one; else UTC) */
                    time_zone?: string;
                    /** @description How many top posts (1–20, default 5) */
                    top?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The dashboard */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dashboard"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/media/public/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A media file behind a signed, expiring link (for platforms that fetch media) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The signed link token */
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file */
                200: {
                    headers: {
                        "Content-Length"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exports/download/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a finished export (signed, expiring link) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The signed link token */
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The archive: a tar of manifest.json and the files it names */
                200: {
                    headers: {
                        "Content-Length"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-tar": string;
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/closures/receipt/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A closed organisation's receipt (signed link) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The signed link token */
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The receipt: what was removed, and when */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrganizationClosureReceipt"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{platform}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Answer a platform's webhook subscription check
         * @description Meta and Threads: `?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…` → the challenge as text when the verify token is ours (403 otherwise). X: `?crc_token=…` → `{response_token: "sha256=" + base64(HMAC-SHA256(consumer secret, crc_token))}`. LinkedIn: `?challengeCode=…` → `{challengeCode, challengeResponse: hex(HMAC-SHA256(client secret, challengeCode))}`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    platform: "facebook" | "instagram" | "threads" | "x" | "linkedin";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The answer the platform expects: the challenge as text (Meta, Threads) or JSON (X, LinkedIn) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller lacks the permission */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Receive a signed platform delivery
         * @description Verified over the raw body (`X-Hub-Signature-256` for Meta and Threads, `x-twitter-webhooks-signature` for X, `X-LI-Signature` for LinkedIn) against each configured secret, then queued for the ingest consumer; answered before anything is stored. Unsigned or mis-signed deliveries are 401, bodies over 120000 bytes 413, and neither is queued.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    platform: "facebook" | "instagram" | "threads" | "x" | "linkedin";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Verified and queued */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "queued";
                            /** @description SHA-256 of the body: a redelivery has the same id */
                            delivery_id: string;
                        };
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/events/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An event's public facts and its version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The event's public key */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An event's public facts and its version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicEvent"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/events/{key}/wall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event's wall: pinned items, then approved items and the organisation's posts, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    /** @description The event's public key */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the wall */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WallPage"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/events/{key}/agenda": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event's phases: now, next and all */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The event's public key */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The event's phases: now, next and all */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicAgenda"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/events/{key}/speakers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event's featured and VIP delegates */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The event's public key */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The event's featured and VIP delegates */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicSpeakers"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/events/{key}/counters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published posts, wall items, campaigns */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The event's public key */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Published posts, wall items, campaigns */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicCounters"];
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/events/{key}/files/{sha256}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A speaker's photo or a file of a published post, by its SHA-256 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The event's public key */
                    key: string;
                    sha256: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/events/{key}/images/{id}/{slot}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An approved wall item's avatar or media, through the API's origin */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The event's public key */
                    key: string;
                    /** @description The wall item's id */
                    id: string;
                    /** @description `avatar` or the media's index */
                    slot: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The image */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/events/{key}/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The event's live channel (WebSocket)
         * @description Send `Upgrade: websocket`. Messages: `hello`, `item`, `remove`, `refresh`, each with the event's `version` (docs/public-api.md). Over the connection caps the socket is closed with 4429: poll the wall instead.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The event's public key */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Switching to the WebSocket protocol */
                101: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request is malformed or fails validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource in the caller's organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unexpected error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Problem: {
            /** @example https://guddu.dev/problems/validation-failed */
            type: string;
            /** @example Validation failed */
            title: string;
            /** @example 400 */
            status: number;
            detail: string;
            /**
             * @description Stable machine-readable error code
             * @example validation_failed
             */
            code: string;
            instance?: string;
            requestId?: string;
            /** @description Failing fields (validation errors only) */
            errors?: {
                path: string;
                message: string;
                code: string;
            }[];
        };
        Health: {
            /** @enum {string} */
            status: "ok";
            /** @enum {string} */
            database: "ok";
            database_latency_ms: number;
        };
        Organization: {
            /** Format: uuid */
            id: string;
            name: string;
            slug: string;
            description: string | null;
            logo_url: string | null;
            country_code: string | null;
            settings: {
                [key: string]: unknown;
            };
            status: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        User: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organization_id: string;
            /** Format: email */
            email: string;
            username: string | null;
            first_name: string | null;
            last_name: string | null;
            /**
             * @example editor
             * @enum {string}
             */
            role: "owner" | "admin" | "manager" | "editor" | "approver" | "viewer";
            permissions: components["schemas"]["PermissionOverrides"];
            is_active: boolean;
            mfa_enabled: boolean;
            access: components["schemas"]["UserAccessSummary"];
            /** Format: date-time */
            last_login_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description Single permissions added to or removed from the role's */
        PermissionOverrides: {
            grant?: ("organization:read" | "organization:update" | "users:read" | "users:write" | "audit:read" | "events:read" | "events:write" | "campaigns:read" | "campaigns:write" | "content:read" | "content:write" | "content:approve" | "media:read" | "media:write" | "templates:read" | "templates:write" | "workflows:read" | "workflows:write" | "social_accounts:read" | "social_accounts:write" | "publishing:write" | "analytics:read" | "inbound:read" | "wall:moderate" | "notifications:read" | "api_keys:read" | "api_keys:write" | "integrations:read" | "integrations:write" | "data:export" | "data:erase" | "organization:close")[];
            revoke?: ("organization:read" | "organization:update" | "users:read" | "users:write" | "audit:read" | "events:read" | "events:write" | "campaigns:read" | "campaigns:write" | "content:read" | "content:write" | "content:approve" | "media:read" | "media:write" | "templates:read" | "templates:write" | "workflows:read" | "workflows:write" | "social_accounts:read" | "social_accounts:write" | "publishing:write" | "analytics:read" | "inbound:read" | "wall:moderate" | "notifications:read" | "api_keys:read" | "api_keys:write" | "integrations:read" | "integrations:write" | "data:export" | "data:erase" | "organization:close")[];
        };
        /** @description When the user may act and whether only some events: see /v1/users/{id}/access */
        UserAccessSummary: {
            /** Format: date-time */
            starts_at: string | null;
            /** Format: date-time */
            ends_at: string | null;
            /** Format: uuid */
            ends_with_event_id: string | null;
            limited_to_events: boolean;
        };
        /**
         * @example {
         *       "organization": {
         *         "name": "Africa Energy Forum",
         *         "slug": "africa-energy-forum",
         *         "country_code": "KE"
         *       },
         *       "owner": {
         *         "email": "amina@example.org",
         *         "password": "correct horse battery staple",
         *         "first_name": "Amina",
         *         "last_name": "Odhiambo"
         *       }
         *     }
         */
        RegisterRequest: {
            organization: {
                name: string;
                /** @example africa-energy-forum */
                slug: string;
                /** @example KE */
                country_code: string;
                description?: string;
            };
            owner: {
                /**
                 * Format: email
                 * @example amina@example.org
                 */
                email: string;
                password: string;
                first_name: string;
                last_name: string;
                /** @example amina.o */
                username?: string;
            };
        };
        TokenPair: {
            access_token: string;
            /** @enum {string} */
            token_type: "Bearer";
            /** @example 900 */
            expires_in: number;
            refresh_token: string;
        };
        /**
         * @example {
         *       "email": "amina@example.org",
         *       "password": "correct horse battery staple"
         *     }
         */
        LoginRequest: {
            /**
             * Format: email
             * @example amina@example.org
             */
            email: string;
            password: string;
            /** @description Required when two-factor is enabled */
            totp_code?: string;
            /** @description Instead of totp_code; single use */
            recovery_code?: string;
        };
        /**
         * @example {
         *       "refresh_token": "grt_…"
         *     }
         */
        RefreshRequest: {
            refresh_token: string;
        };
        Me: {
            user: components["schemas"]["User"];
            organization: components["schemas"]["Organization"];
            effective_permissions: ("organization:read" | "organization:update" | "users:read" | "users:write" | "audit:read" | "events:read" | "events:write" | "campaigns:read" | "campaigns:write" | "content:read" | "content:write" | "content:approve" | "media:read" | "media:write" | "templates:read" | "templates:write" | "workflows:read" | "workflows:write" | "social_accounts:read" | "social_accounts:write" | "publishing:write" | "analytics:read" | "inbound:read" | "wall:moderate" | "notifications:read" | "api_keys:read" | "api_keys:write" | "integrations:read" | "integrations:write" | "data:export" | "data:erase" | "organization:close")[];
        };
        /**
         * @example {
         *       "current_password": "correct horse battery staple",
         *       "new_password": "another long passphrase"
         *     }
         */
        ChangePasswordRequest: {
            current_password: string;
            new_password: string;
        };
        TotpEnrolment: {
            secret: string;
            otpauth_uri: string;
        };
        RecoveryCodes: {
            recovery_codes: string[];
        };
        /**
         * @example {
         *       "code": "492039"
         *     }
         */
        TotpActivateRequest: {
            /** @example 492039 */
            code: string;
        };
        /**
         * @example {
         *       "password": "correct horse battery staple",
         *       "code": "492039"
         *     }
         */
        TotpDisableRequest: {
            password: string;
            /** @example 492039 */
            code?: string;
            recovery_code?: string;
        };
        /**
         * @example {
         *       "description": "Africa's energy investment forum",
         *       "settings": {
         *         "default_timezone": "Africa/Nairobi"
         *       }
         *     }
         */
        UpdateOrganizationRequest: {
            name?: string;
            description?: string | null;
            /** Format: uri */
            logo_url?: string | null;
            /** @example KE */
            country_code?: string;
            settings?: components["schemas"]["OrganizationSettings"];
        };
        /** @description Keys sent are merged into the current settings; keys left out keep their value. */
        OrganizationSettings: {
            /**
             * @description An IANA time zone the runtime knows
             * @example Africa/Nairobi
             */
            default_timezone?: string;
            default_platforms?: ("bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads")[];
            brand_hashtags?: string[];
            require_approval?: boolean;
            /**
             * @description Protocol checks on content that names a VIP delegate (title, handle, order of precedence). "warn" (the default): findings show in POST /v1/content/{id}/validate only; "block": a finding of severity error also refuses review, approval requests, scheduling and publish-now (422 protocol_check_failed)
             * @enum {string}
             */
            protocol_checks?: "warn" | "block";
            retention?: components["schemas"]["RetentionSettings"];
        };
        /** @description How long time series are kept. A key left out takes the default; the object replaces the stored one as a whole. Audit logs are kept 5 years and deleted content 90 days, for every organisation. */
        RetentionSettings: {
            /** @description Months engagement metrics are kept before they are archived to R2 and deleted (1–120; default 24); null keeps them */
            engagement_metrics_months?: number | null;
            /** @description Months sentiment analyses are kept before they are archived to R2 and deleted (1–120; default 24); null keeps them */
            sentiment_analysis_months?: number | null;
            /** @description Months inbound items (mentions, replies, comments) are kept before they are archived to R2 and deleted (1–120; default 24); null keeps them */
            inbound_items_months?: number | null;
        };
        OrganizationClosure: {
            /**
             * Format: uuid
             * @description The closure, and the receipt's id
             */
            id: string;
            /** Format: uuid */
            organization_id: string;
            /**
             * @description pending (the grace period: everything frozen, reading and exporting still work) → purging → purged; or cancelled
             * @enum {string}
             */
            status: "pending" | "cancelled" | "purging" | "purged";
            grace_days: number;
            reason: string | null;
            /** Format: date-time */
            requested_at: string;
            /**
             * Format: date-time
             * @description When the grace period ends and the purge may start
             */
            purge_after: string;
            /** Format: date-time */
            cancelled_at: string | null;
            /** Format: date-time */
            purge_started_at: string | null;
            /** Format: date-time */
            purged_at: string | null;
            /**
             * Format: uri
             * @description A signed link to the closure's receipt, needing no token and working after the purge (keep it: the accounts go too)
             */
            receipt_url: string;
            /** Format: date-time */
            receipt_url_expires_at: string;
        };
        /**
         * @example {
         *       "confirm_slug": "africa-energy-forum",
         *       "reason": "We no longer run events.",
         *       "grace_days": 30
         *     }
         */
        CloseOrganizationRequest: {
            /**
             * @description The organisation's slug, exactly as GET /v1/organization shows it: the owner's confirmation
             * @example africa-energy-forum
             */
            confirm_slug: string;
            /** @description Why, in the owner's words; cleared when the purge starts */
            reason?: string | null;
            /** @description Days until the purge (default 30) */
            grace_days?: number;
        };
        UserList: {
            data: components["schemas"]["User"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        /**
         * @example {
         *       "email": "wanjiru@example.org",
         *       "first_name": "Wanjiru",
         *       "last_name": "Kamau",
         *       "role": "editor",
         *       "password": "a long and unusual passphrase"
         *     }
         */
        CreateUserRequest: {
            /**
             * Format: email
             * @example amina@example.org
             */
            email: string;
            first_name: string;
            last_name: string;
            /** @example amina.o */
            username?: string;
            /**
             * @example editor
             * @enum {string}
             */
            role: "owner" | "admin" | "manager" | "editor" | "approver" | "viewer";
            permissions?: components["schemas"]["PermissionOverrides"];
            password: string;
        };
        /**
         * @example {
         *       "role": "manager"
         *     }
         */
        UpdateUserRequest: {
            first_name?: string;
            last_name?: string;
            /** @example amina.o */
            username?: string | null;
            /**
             * @example editor
             * @enum {string}
             */
            role?: "owner" | "admin" | "manager" | "editor" | "approver" | "viewer";
            permissions?: components["schemas"]["PermissionOverrides"] & unknown;
            is_active?: boolean;
        };
        UserAccess: {
            /** Format: uuid */
            user_id: string;
            /** Format: date-time */
            starts_at: string | null;
            /** Format: date-time */
            ends_at: string | null;
            /** Format: uuid */
            ends_with_event_id: string | null;
            /**
             * Format: date-time
             * @description The end as it stands now: ends_at, or the event's end (1970-01-01 once that event is gone)
             */
            effective_ends_at: string | null;
            /** @description null: every event */
            event_ids: string[] | null;
            /** @enum {string} */
            state: "open" | "not_started" | "ended";
        };
        /**
         * @example {
         *       "starts_at": "2027-03-09T06:00:00+03:00",
         *       "ends_with_event_id": "0d6f0f4e-0000-4000-8000-000000000010",
         *       "event_ids": [
         *         "0d6f0f4e-0000-4000-8000-000000000010"
         *       ]
         *     }
         */
        SetUserAccessRequest: {
            /**
             * Format: date-time
             * @description No sign-in, refresh or request before this; null or left out: from now
             * @example 2027-03-10T08:00:00+03:00
             */
            starts_at?: string | null;
            /**
             * Format: date-time
             * @description Nothing works from this instant on; null or left out: no fixed end
             * @example 2027-03-10T08:00:00+03:00
             */
            ends_at?: string | null;
            /**
             * Format: uuid
             * @description Access ends with this event's end_date, read when checked (moving the event moves it; deleting it ends it); not with ends_at
             */
            ends_with_event_id?: string | null;
            /** @description The events the user is limited to; null or left out: every event */
            event_ids?: string[] | null;
        };
        AuditLogList: {
            data: components["schemas"]["AuditLog"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        AuditLog: {
            /** Format: uuid */
            id: string;
            /** @example user.update */
            action: string;
            entity_type: string;
            /** Format: uuid */
            entity_id: string | null;
            /**
             * Format: uuid
             * @description The acting user's id, or the API key's when actor_type is api_key; null for the system
             */
            actor_id: string | null;
            /** @enum {string} */
            actor_type: "user" | "system" | "webhook" | "external" | "api_key";
            changes: {
                [key: string]: unknown;
            };
            ip_address: string | null;
            user_agent: string | null;
            /** Format: date-time */
            created_at: string;
        };
        Export: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            scope: "organization" | "user" | "delegate" | "inbound_author";
            /** @description Whose data; empty for the organisation's */
            subject: {
                /** Format: uuid */
                user_id?: string;
                /** Format: uuid */
                delegate_id?: string;
                /** @enum {string} */
                platform?: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                handle?: string;
            };
            /**
             * @description queued → running → completed; failed when a step kept failing; expired once the archive is deleted (7 days after it was completed)
             * @enum {string}
             */
            status: "queued" | "running" | "completed" | "failed" | "expired";
            progress: {
                percent: number;
                rows_written: number;
                /** @description Rows counted when the export started */
                rows_total: number;
                media_written: number;
                media_total: number;
                /** @description Chunks written so far (each a queued step) */
                chunks: number;
            };
            /**
             * Format: uri
             * @description When completed: a signed link to the archive as one tar file (manifest.json, NDJSON.gz per table, media files), valid until download_expires_at; read the export again for a fresh one
             */
            download_url: string | null;
            /** Format: date-time */
            download_expires_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            completed_at: string | null;
            /**
             * Format: date-time
             * @description When the archive is deleted and its links stop working
             */
            expires_at: string | null;
        };
        /**
         * @description `organization`: everything the organisation holds. A person's data: `user` (a member: their account, notifications, content and media they made, approval requests and actions, audit rows by or about them), `delegate` (their record, inbound items mentioning them, audit rows about them, their photo), `inbound_author` (what they wrote to the organisation on a platform: inbound items and their sentiment).
         * @example {
         *       "scope": "delegate",
         *       "delegate_id": "0d6f0f4e-0000-4000-8000-000000000021"
         *     }
         */
        ExportRequest: components["schemas"]["ExportOfOrganization"] | components["schemas"]["ExportOfUser"] | components["schemas"]["ExportOfDelegate"] | components["schemas"]["ExportOfInboundAuthor"];
        ExportOfOrganization: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            scope: "organization";
        };
        ExportOfUser: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            scope: "user";
            /** Format: uuid */
            user_id: string;
        };
        ExportOfDelegate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            scope: "delegate";
            /** Format: uuid */
            delegate_id: string;
        };
        ExportOfInboundAuthor: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            scope: "inbound_author";
            /** @enum {string} */
            platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
            /** @description Their handle on the platform, with or without the leading @ (any case) */
            handle: string;
        };
        ExportList: {
            data: components["schemas"]["Export"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        Erasure: {
            /** Format: uuid */
            id: string;
            /** @description Whose data, without any of it */
            subject: {
                /** @enum {string} */
                type: "delegate" | "user" | "inbound_author";
                /**
                 * Format: uuid
                 * @description The delegate's or user's id; null for an inbound author
                 */
                id: string | null;
                /**
                 * @description An inbound author's platform; their handle is never kept
                 * @enum {string|null}
                 */
                platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads" | null;
            };
            /**
             * @description queued → running → completed; failed when a step kept failing or the person was gone before it started (ask again to start anew)
             * @enum {string}
             */
            status: "queued" | "running" | "completed" | "failed";
            /**
             * @description Records deleted, by kind: rows by table (`delegates`, `users`, `inbound_items`, …), R2 objects (`media_objects`, `export_files`, `kept_deliveries`), archived rows (`archived_rows`), cached files
             * @example {
             *       "delegates": 1,
             *       "event_session_speakers": 2,
             *       "media_assets": 1,
             *       "media_objects": 1
             *     }
             */
            removed: {
                [key: string]: number;
            };
            /**
             * @description Records the person was cut out of (their name, address or handle replaced by `[removed]`), by table, and archive parts written again (`archive_parts`)
             * @example {
             *       "content": 3,
             *       "notifications": 1
             *     }
             */
            redacted: {
                [key: string]: number;
            };
            error: string | null;
            /** Format: date-time */
            requested_at: string;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            completed_at: string | null;
        };
        /**
         * @example {
         *       "subject": {
         *         "type": "delegate",
         *         "id": "0d6f0f4e-0000-4000-8000-000000000021"
         *       }
         *     }
         */
        ErasureRequest: {
            subject: components["schemas"]["ErasureSubject"];
        };
        /** @description `delegate` and `user` by id (also a soft-deleted one); `inbound_author`: someone who wrote to the organisation on a platform, by platform and handle. */
        ErasureSubject: components["schemas"]["ErasureOfDelegate"] | components["schemas"]["ErasureOfUser"] | components["schemas"]["ErasureOfInboundAuthor"];
        ErasureOfDelegate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "delegate";
            /** Format: uuid */
            id: string;
        };
        ErasureOfUser: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "user";
            /** Format: uuid */
            id: string;
        };
        ErasureOfInboundAuthor: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "inbound_author";
            /** @enum {string} */
            platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
            /** @description Their handle on the platform, with or without the leading @ (any case) */
            handle: string;
        };
        ErasureList: {
            data: components["schemas"]["Erasure"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        CreatedApiKey: components["schemas"]["ApiKey"] & {
            /**
             * @description The key itself, shown this once and stored only as its SHA-256: send it as Authorization: Bearer <key>. null in a replay (Idempotent-Replayed: true), which cannot show it again
             * @example gk_live_ab12cd34EXAMPLEexampleEXAMPLEexampleEXAMP
             */
            key: string | null;
        };
        ApiKey: {
            /** Format: uuid */
            id: string;
            name: string;
            /**
             * @description The key's first 16 characters, to recognise it by; never enough to use it
             * @example gk_live_ab12cd34
             */
            prefix: string;
            permissions: ("organization:read" | "organization:update" | "users:read" | "users:write" | "audit:read" | "events:read" | "events:write" | "campaigns:read" | "campaigns:write" | "content:read" | "content:write" | "content:approve" | "media:read" | "media:write" | "templates:read" | "templates:write" | "workflows:read" | "workflows:write" | "social_accounts:read" | "social_accounts:write" | "publishing:write" | "analytics:read" | "inbound:read" | "wall:moderate" | "notifications:read" | "api_keys:read" | "api_keys:write" | "integrations:read" | "integrations:write" | "data:export" | "data:erase" | "organization:close")[];
            /**
             * Format: uuid
             * @description The one event the key is limited to, if any
             */
            event_id: string | null;
            /** @enum {string} */
            status: "active" | "expired" | "revoked";
            /** Format: uuid */
            created_by: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            expires_at: string | null;
            /**
             * Format: date-time
             * @description Its last authenticated request
             */
            last_used_at: string | null;
            /** Format: date-time */
            revoked_at: string | null;
        };
        /**
         * @example {
         *       "name": "CRM sync",
         *       "permissions": [
         *         "events:read",
         *         "content:read",
         *         "content:write"
         *       ],
         *       "expires_at": "2027-12-31T23:59:59Z"
         *     }
         */
        CreateApiKeyRequest: {
            /** @example CRM sync */
            name: string;
            /**
             * @description What the key may do: permissions you hold yourself (else 403 permission_not_held, naming the others)
             * @example [
             *       "events:read",
             *       "content:read",
             *       "content:write"
             *     ]
             */
            permissions: ("organization:read" | "organization:update" | "users:read" | "users:write" | "audit:read" | "events:read" | "events:write" | "campaigns:read" | "campaigns:write" | "content:read" | "content:write" | "content:approve" | "media:read" | "media:write" | "templates:read" | "templates:write" | "workflows:read" | "workflows:write" | "social_accounts:read" | "social_accounts:write" | "publishing:write" | "analytics:read" | "inbound:read" | "wall:moderate" | "notifications:read" | "api_keys:read" | "api_keys:write" | "integrations:read" | "integrations:write" | "data:export" | "data:erase" | "organization:close")[];
            /**
             * Format: uuid
             * @description Limits the key to this event (a live event of the organisation, else 404 event_not_found): the event itself, its phases, delegates, widgets and wall, its campaigns and content, their approval requests, published posts, publish attempts and metrics, its inbound items and sentiment. Another event's ids answer 404 and lists hold only this event's rows; content or campaigns tied to no event are outside the scope too, and a write that would put a row outside it (a new event, content without this event) is 403 outside_api_key_scope. Organisation-wide resources (media, templates, workflows, social accounts, users, the audit trail, API keys) are not narrowed: the key's permissions govern them.
             */
            event_id?: string;
            /**
             * Format: date-time
             * @description When the key stops working; in the future (else 400 in_the_past). None: until revoked
             * @example 2027-12-31T23:59:59Z
             */
            expires_at?: string;
        };
        ApiKeyList: {
            data: components["schemas"]["ApiKey"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        Event: {
            /** Format: uuid */
            id: string;
            name: string;
            slug: string;
            description: string | null;
            /** Format: date-time */
            start_date: string;
            /** Format: date-time */
            end_date: string;
            timezone: string;
            social_handles: {
                [key: string]: string;
            };
            official_hashtags: string[];
            /** @enum {string} */
            status: "draft" | "scheduled" | "live" | "completed" | "archived";
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @example {
         *       "name": "Africa Energy Summit 2027",
         *       "slug": "aes-2027",
         *       "start_date": "2027-03-10T08:00:00+03:00",
         *       "end_date": "2027-03-11T18:00:00+03:00",
         *       "timezone": "Africa/Nairobi",
         *       "official_hashtags": [
         *         "#AES2027",
         *         "EnergyTransition"
         *       ],
         *       "social_handles": {
         *         "x": "@AESummit"
         *       }
         *     }
         */
        CreateEventRequest: {
            name: string;
            /** @example africa-energy-forum */
            slug: string;
            description?: string | null;
            /**
             * Format: date-time
             * @example 2027-03-10T08:00:00+03:00
             */
            start_date: string;
            /**
             * Format: date-time
             * @description Not before start_date (else 400 validation_failed, `date_order`)
             * @example 2027-03-10T08:00:00+03:00
             */
            end_date: string;
            /**
             * @description An IANA time zone (Area/Location, or UTC)
             * @example Africa/Nairobi
             */
            timezone: string;
            /**
             * @example {
             *       "x": "@AESummit",
             *       "bluesky": "aesummit.bsky.social"
             *     }
             */
            social_handles?: {
                bluesky?: string;
                x?: string;
                facebook?: string;
                instagram?: string;
                linkedin?: string;
                threads?: string;
            };
            /**
             * @description Hashtags of letters, digits and _ (up to 99), with or without the #; answered with one # each and repeats (any case) dropped
             * @example [
             *       "#AES2027",
             *       "EnergyTransition"
             *     ]
             */
            official_hashtags?: string[];
            /** @enum {string} */
            status?: "draft" | "scheduled" | "live" | "completed" | "archived";
        };
        EventList: {
            data: components["schemas"]["Event"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        /**
         * @example {
         *       "name": "Africa Energy Summit 2027 (Nairobi)",
         *       "status": "scheduled"
         *     }
         */
        UpdateEventRequest: {
            name?: string;
            /** @example africa-energy-forum */
            slug?: string;
            description?: string | null;
            /**
             * Format: date-time
             * @example 2027-03-10T08:00:00+03:00
             */
            start_date?: string;
            /**
             * Format: date-time
             * @description Not before start_date (else 400 validation_failed, `date_order`)
             * @example 2027-03-10T08:00:00+03:00
             */
            end_date?: string;
            /**
             * @description An IANA time zone (Area/Location, or UTC)
             * @example Africa/Nairobi
             */
            timezone?: string;
            /**
             * @example {
             *       "x": "@AESummit",
             *       "bluesky": "aesummit.bsky.social"
             *     }
             */
            social_handles?: {
                bluesky?: string;
                x?: string;
                facebook?: string;
                instagram?: string;
                linkedin?: string;
                threads?: string;
            };
            /**
             * @description Hashtags of letters, digits and _ (up to 99), with or without the #; answered with one # each and repeats (any case) dropped
             * @example [
             *       "#AES2027",
             *       "EnergyTransition"
             *     ]
             */
            official_hashtags?: string[];
            /** @enum {string} */
            status?: "draft" | "scheduled" | "live" | "completed" | "archived";
        };
        DelegateImportReport: {
            /** @description Data rows in the file (blank rows not counted) */
            total_rows: number;
            created: number;
            /** @description Matched a delegate and changed something */
            updated: number;
            /** @description Matched a delegate that already had these values */
            unchanged: number;
            /** @description The first 1,000 rejected rows and why */
            rejected: {
                /**
                 * @description As a spreadsheet numbers it: the header is row 1, so the first data row is 2 and the 250th is 251
                 * @example 251
                 */
                row: number;
                errors: {
                    field: string;
                    message: string;
                }[];
            }[];
            rejected_count: number;
        };
        Delegate: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            event_id: string;
            title: string | null;
            first_name: string;
            last_name: string | null;
            designation: string | null;
            organization: string | null;
            country: string | null;
            /**
             * @example minister
             * @enum {string}
             */
            delegate_type: "delegate" | "speaker" | "vip" | "minister" | "head_of_state" | "media" | "exhibitor" | "sponsor" | "staff" | "other";
            vip_tier: number;
            precedence: number | null;
            auto_tag: boolean;
            email: string | null;
            social_handles: {
                [key: string]: string;
            };
            featured: boolean;
            /** Format: uuid */
            photo_media_id: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @example {
         *       "title": "H.E.",
         *       "first_name": "Amina",
         *       "last_name": "Odhiambo",
         *       "designation": "Cabinet Secretary for Energy",
         *       "organization": "Ministry of Energy",
         *       "country": "KE",
         *       "delegate_type": "minister",
         *       "vip_tier": 1,
         *       "precedence": 1,
         *       "auto_tag": true,
         *       "social_handles": {
         *         "x": "@AminaOdhiambo"
         *       }
         *     }
         */
        CreateDelegateRequest: {
            /** @example H.E. */
            title?: string | null;
            /** @example Amina */
            first_name: string;
            /** @example Odhiambo */
            last_name?: string | null;
            /** @example Cabinet Secretary for Energy */
            designation?: string | null;
            /**
             * @description The delegate's own organisation
             * @example Ministry of Energy
             */
            organization?: string | null;
            /** @example KE */
            country?: string | null;
            /**
             * @example minister
             * @enum {string}
             */
            delegate_type?: "delegate" | "speaker" | "vip" | "minister" | "head_of_state" | "media" | "exhibitor" | "sponsor" | "staff" | "other";
            /**
             * @description 0 is everyone; 1–5 mark protocol rank
             * @example 1
             */
            vip_tier?: number;
            /**
             * @description The organiser's order of precedence at the event (1–1000): content naming several ranked delegates names the lower number first; null is not ranked
             * @example 1
             */
            precedence?: number | null;
            /** @description Tag the delegate's handles in content that mentions them */
            auto_tag?: boolean;
            /**
             * Format: email
             * @example amina.odhiambo@energy.go.ke
             */
            email?: string | null;
            /**
             * @example {
             *       "x": "@AESummit",
             *       "bluesky": "aesummit.bsky.social"
             *     }
             */
            social_handles?: {
                bluesky?: string;
                x?: string;
                facebook?: string;
                instagram?: string;
                linkedin?: string;
                threads?: string;
            };
            /** @description Shown by the public speakers widget (VIPs always are) */
            featured?: boolean;
            /**
             * Format: uuid
             * @description An image of the organisation's media library: the photo the speakers widget shows
             */
            photo_media_id?: string | null;
        };
        DelegateList: {
            data: components["schemas"]["Delegate"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        /**
         * @example {
         *       "designation": "Minister of Energy and Petroleum",
         *       "vip_tier": 1
         *     }
         */
        UpdateDelegateRequest: {
            /** @example H.E. */
            title?: string | null;
            /** @example Amina */
            first_name?: string;
            /** @example Odhiambo */
            last_name?: string | null;
            /** @example Cabinet Secretary for Energy */
            designation?: string | null;
            /**
             * @description The delegate's own organisation
             * @example Ministry of Energy
             */
            organization?: string | null;
            /** @example KE */
            country?: string | null;
            /**
             * @example minister
             * @enum {string}
             */
            delegate_type?: "delegate" | "speaker" | "vip" | "minister" | "head_of_state" | "media" | "exhibitor" | "sponsor" | "staff" | "other";
            /**
             * @description 0 is everyone; 1–5 mark protocol rank
             * @example 1
             */
            vip_tier?: number;
            /**
             * @description The organiser's order of precedence at the event (1–1000): content naming several ranked delegates names the lower number first; null is not ranked
             * @example 1
             */
            precedence?: number | null;
            /** @description Tag the delegate's handles in content that mentions them */
            auto_tag?: boolean;
            /**
             * Format: email
             * @example amina.odhiambo@energy.go.ke
             */
            email?: string | null;
            /**
             * @example {
             *       "x": "@AESummit",
             *       "bluesky": "aesummit.bsky.social"
             *     }
             */
            social_handles?: {
                bluesky?: string;
                x?: string;
                facebook?: string;
                instagram?: string;
                linkedin?: string;
                threads?: string;
            };
            /** @description Shown by the public speakers widget (VIPs always are) */
            featured?: boolean;
            /**
             * Format: uuid
             * @description An image of the organisation's media library: the photo the speakers widget shows
             */
            photo_media_id?: string | null;
        };
        EventPhase: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            event_id: string;
            name: string;
            description: string | null;
            /** Format: date-time */
            starts_at: string | null;
            /** Format: date-time */
            ends_at: string | null;
            sort_order: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @example {
         *       "name": "Day 1",
         *       "starts_at": "2027-03-10T08:00:00+03:00",
         *       "ends_at": "2027-03-10T21:00:00+03:00"
         *     }
         */
        CreateEventPhaseRequest: {
            name: string;
            description?: string | null;
            /**
             * Format: date-time
             * @example 2027-03-10T08:00:00+03:00
             */
            starts_at: string;
            /**
             * Format: date-time
             * @description After starts_at (else 400 validation_failed, `date_order`); the phase lies within the event or at most 90 days before or after it (else 400 phase_outside_event)
             * @example 2027-03-10T08:00:00+03:00
             */
            ends_at: string;
            /** @description Display order; by default the phase's position by starts_at among the event's phases */
            sort_order?: number;
        };
        EventPhaseList: {
            data: components["schemas"]["EventPhase"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        /**
         * @example {
         *       "name": "Day 1: Opening",
         *       "sort_order": 1
         *     }
         */
        UpdateEventPhaseRequest: {
            name?: string;
            description?: string | null;
            /**
             * Format: date-time
             * @example 2027-03-10T08:00:00+03:00
             */
            starts_at?: string;
            /**
             * Format: date-time
             * @description After starts_at (else 400 validation_failed, `date_order`); the phase lies within the event or at most 90 days before or after it (else 400 phase_outside_event)
             * @example 2027-03-10T08:00:00+03:00
             */
            ends_at?: string;
            sort_order?: number;
        };
        SessionImportReport: {
            /** @description Data rows in the file (blank rows not counted) */
            total_rows: number;
            created: number;
            /** @description Matched a session and changed its description or speakers */
            updated: number;
            /** @description Matched a session that already had these values */
            unchanged: number;
            /** @description The first 1,000 rejected rows and why */
            rejected: {
                /**
                 * @description As a spreadsheet numbers it: the header is row 1
                 * @example 12
                 */
                row: number;
                errors: {
                    field: string;
                    message: string;
                }[];
            }[];
            rejected_count: number;
        };
        EventSession: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            event_id: string;
            /** Format: uuid */
            phase_id: string;
            title: string;
            description: string | null;
            room: string | null;
            /** Format: date-time */
            starts_at: string;
            /** Format: date-time */
            ends_at: string;
            /** @description In programme order */
            speakers: components["schemas"]["EventSessionSpeaker"][];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        EventSessionSpeaker: {
            /** Format: uuid */
            id: string;
            title: string | null;
            first_name: string;
            last_name: string | null;
            organization: string | null;
        };
        /**
         * @example {
         *       "title": "Opening keynote",
         *       "room": "Main hall",
         *       "starts_at": "2027-03-10T09:00:00+03:00",
         *       "ends_at": "2027-03-10T09:45:00+03:00",
         *       "speakers": [
         *         "0d6f0f4e-0000-4000-8000-000000000031"
         *       ]
         *     }
         */
        CreateEventSessionRequest: {
            /** @example Opening keynote */
            title: string;
            description?: string | null;
            /** @example Main hall */
            room?: string | null;
            /**
             * Format: uuid
             * @description A phase of the event; by default the phase that contains starts_at
             */
            phase_id?: string;
            /**
             * Format: date-time
             * @example 2027-03-10T08:00:00+03:00
             */
            starts_at: string;
            /**
             * Format: date-time
             * @description Not before starts_at (else 400 validation_failed, `date_order`); the session lies within its phase (else 400 session_outside_phase, with the bounds)
             * @example 2027-03-10T08:00:00+03:00
             */
            ends_at: string;
            /**
             * @description Delegate ids of the session's event, in programme order (else 400 unknown_speaker, listing them); each at most once
             * @example [
             *       "0d6f0f4e-0000-4000-8000-000000000031"
             *     ]
             */
            speakers?: string[];
        };
        EventSessionList: {
            data: components["schemas"]["EventSession"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        /**
         * @description Times change through POST /v1/sessions/{id}/move, which takes relative schedules along.
         * @example {
         *       "room": "Hall B"
         *     }
         */
        UpdateEventSessionRequest: {
            /** @example Opening keynote */
            title?: string;
            description?: string | null;
            /** @example Main hall */
            room?: string | null;
            /**
             * @description Delegate ids of the session's event, in programme order (else 400 unknown_speaker, listing them); each at most once
             * @example [
             *       "0d6f0f4e-0000-4000-8000-000000000031"
             *     ]
             */
            speakers?: string[];
        };
        EventSessionMoveResult: {
            session: components["schemas"]["EventSession"];
            followed: components["schemas"]["MoveFollowed"];
        };
        MoveFollowed: {
            /** @description Content scheduled relative to what moved, with its old and new time */
            content: {
                /** Format: uuid */
                id: string;
                title: string | null;
                /** @enum {string} */
                workflow_status: "draft" | "in_review" | "changes_requested" | "approved" | "scheduled" | "publishing" | "published" | "partially_published" | "failed" | "archived";
                scheduled_for: {
                    /** Format: date-time */
                    from: string | null;
                    /** Format: date-time */
                    to: string;
                };
                posts: {
                    /** @description Its waiting posts, moved to the new time */
                    moved: number;
                    /** @description Of those, held */
                    held: number;
                };
                /** @description Its posts wait for a decision: the new time has passed or left the event's dates */
                held: boolean;
            }[];
            posts: {
                /** @description Waiting posts moved to their content's new time */
                moved: number;
                /** @description Of those, posts now held (publish_status held) */
                held: number;
                /** @description Posts already claimed or being published: they go out as they are */
                in_flight: number;
            };
            /** @description Pending approval requests whose deadlines moved */
            approval_requests: number;
        };
        /**
         * @description Exactly one of starts_at and shift_minutes (else 400 validation_failed, `move_target`).
         * @example {
         *       "shift_minutes": 15
         *     }
         */
        MoveRequest: {
            /**
             * Format: date-time
             * @description The new start (or give shift_minutes)
             * @example 2027-03-10T08:00:00+03:00
             */
            starts_at?: string;
            /**
             * @description Minutes later (negative: earlier); or give starts_at
             * @example 15
             */
            shift_minutes?: number;
            /**
             * Format: date-time
             * @description The new end; by default the duration is kept
             * @example 2027-03-10T08:00:00+03:00
             */
            ends_at?: string;
        };
        EventPhaseMoveResult: {
            phase: components["schemas"]["EventPhase"];
            /** @description Sessions of the phase, moved by the same shift */
            sessions_moved: number;
            followed: components["schemas"]["MoveFollowed"];
        };
        EventWidgets: {
            /** Format: uuid */
            event_id: string;
            enabled: boolean;
            /** @description The embed's `event` attribute; null until first set up */
            public_key: string | null;
            /** @enum {string} */
            moderation: "automatic" | "manual";
            filters: components["schemas"]["WallFilters"];
            show_official_posts: boolean;
            /** @description The two lines to paste into the event's page */
            embed: string | null;
            /** Format: date-time */
            updated_at: string | null;
        };
        /**
         * @example {
         *       "profanity": true,
         *       "blocked_words": [],
         *       "blocked_authors": [],
         *       "allowed_authors": [],
         *       "min_followers": null,
         *       "min_account_age_days": null,
         *       "flood": {
         *         "max_identical": 3,
         *         "window_minutes": 10
         *       }
         *     }
         */
        WallFilters: {
            /** @description Our English list plus French, Spanish, Portuguese, German and Swahili */
            profanity: boolean;
            /** @description Whole words or phrases, any case, accents ignored: such items wait for a moderator */
            blocked_words: string[];
            /** @description Hidden, always */
            blocked_authors: {
                /** @enum {string} */
                platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                /** @example @troll */
                handle: string;
            }[];
            /** @description Shown, always (the organisation's accounts and the event's delegates are without listing) */
            allowed_authors: {
                /** @enum {string} */
                platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                /** @example @troll */
                handle: string;
            }[];
            /** @description Authors with fewer followers wait, where the platform says how many */
            min_followers: number | null;
            /** @description Authors whose account is younger than this many days wait, where the platform says (X) */
            min_account_age_days: number | null;
            /** @description The same text more than max_identical times within window_minutes waits */
            flood: {
                max_identical: number;
                window_minutes: number;
            } | null;
        };
        /**
         * @example {
         *       "enabled": true,
         *       "moderation": "automatic"
         *     }
         */
        UpdateEventWidgetsRequest: {
            enabled?: boolean;
            /**
             * @description automatic: shown unless a filter stops it; manual: every item waits for a moderator
             * @enum {string}
             */
            moderation?: "automatic" | "manual";
            filters?: {
                /** @description Our English list plus French, Spanish, Portuguese, German and Swahili */
                profanity?: boolean;
                /** @description Whole words or phrases, any case, accents ignored: such items wait for a moderator */
                blocked_words?: string[];
                /** @description Hidden, always */
                blocked_authors?: {
                    /** @enum {string} */
                    platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                    /** @example @troll */
                    handle: string;
                }[];
                /** @description Shown, always (the organisation's accounts and the event's delegates are without listing) */
                allowed_authors?: {
                    /** @enum {string} */
                    platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                    /** @example @troll */
                    handle: string;
                }[];
                /** @description Authors with fewer followers wait, where the platform says how many */
                min_followers?: number | null;
                /** @description Authors whose account is younger than this many days wait, where the platform says (X) */
                min_account_age_days?: number | null;
                /** @description The same text more than max_identical times within window_minutes waits */
                flood?: {
                    max_identical: number;
                    window_minutes: number;
                } | null;
            };
            show_official_posts?: boolean;
        };
        WallQueuePage: {
            data: components["schemas"]["WallQueueItem"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        WallQueueItem: components["schemas"]["InboundItem"] & {
            wall: {
                /** @enum {string} */
                status: "pending" | "approved" | "hidden";
                /** @description Why it waits or is hidden: profanity, blocked_word, few_followers, new_account, flood, manual, blocked_author, moderator */
                reason: string | null;
                pinned: boolean;
                /** Format: uuid */
                moderated_by: string | null;
                /** Format: date-time */
                moderated_at: string | null;
            };
        };
        /**
         * @description mention (names one of our accounts), reply or comment (on our post or in its thread), quote, repost, hashtag (carries an event's official hashtag)
         * @enum {string}
         */
        InboundKind: "mention" | "reply" | "comment" | "quote" | "repost" | "hashtag";
        InboundItem: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            event_id: string | null;
            /**
             * Format: uuid
             * @description Our account it came to
             */
            social_account_id: string | null;
            /**
             * Format: uuid
             * @description Our published post it answers, comments on, quotes or reposts
             */
            published_post_id: string | null;
            /** @enum {string} */
            platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
            kind: components["schemas"]["InboundKind"];
            platform_item_id: string;
            /** @description Where it is on the platform */
            url: string | null;
            in_reply_to_platform_id: string | null;
            author: {
                platform_id: string | null;
                handle: string | null;
                name: string | null;
                avatar_url: string | null;
                followers: number | null;
                /**
                 * Format: date-time
                 * @description Where the platform says (X)
                 */
                account_created_at: string | null;
            };
            text: string | null;
            language: string | null;
            media_urls: string[];
            hashtags: string[];
            mentioned_delegate_ids: string[];
            /**
             * Format: date-time
             * @description When the author posted it
             */
            posted_at: string | null;
            /**
             * Format: date-time
             * @description When it first reached us
             */
            received_at: string;
            /** Format: date-time */
            updated_at: string;
            /**
             * Format: date-time
             * @description Deleted on the platform: text, media and the author's name are gone
             */
            deleted_at: string | null;
        };
        /**
         * @example {
         *       "platform": "x",
         *       "handle": "@troll"
         *     }
         */
        BlockWallAuthorRequest: {
            /** @enum {string} */
            platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
            /** @example @troll */
            handle: string;
        };
        /**
         * @example {
         *       "action": "approve"
         *     }
         */
        WallModerationRequest: {
            /** @enum {string} */
            action: "approve" | "hide" | "pin" | "unpin";
        };
        Campaign: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            event_id: string | null;
            name: string;
            /** @enum {string} */
            campaign_type: "awareness" | "engagement" | "live_coverage" | "speaker_spotlight" | "sponsorship" | "recap";
            /** Format: date-time */
            start_date: string | null;
            /** Format: date-time */
            end_date: string | null;
            target_platforms: ("bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads")[];
            kpi_targets: components["schemas"]["KpiTargets"];
            /** @enum {string} */
            status: "draft" | "active" | "paused" | "completed" | "archived";
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @example {
         *       "impressions": 500000,
         *       "engagement_rate": 0.035,
         *       "posts": 120
         *     }
         */
        KpiTargets: {
            impressions?: number;
            reach?: number;
            engagements?: number;
            posts?: number;
            clicks?: number;
            followers_gained?: number;
            engagement_rate?: number;
        };
        /**
         * @example {
         *       "name": "Road to AES 2027",
         *       "campaign_type": "awareness",
         *       "start_date": "2027-01-15T00:00:00Z",
         *       "end_date": "2027-03-20T23:59:59Z",
         *       "target_platforms": [
         *         "x",
         *         "linkedin",
         *         "bluesky"
         *       ],
         *       "kpi_targets": {
         *         "impressions": 500000,
         *         "engagement_rate": 0.035,
         *         "posts": 120
         *       }
         *     }
         */
        CreateCampaignRequest: {
            /**
             * Format: uuid
             * @description An event of the organisation, or null
             */
            event_id?: string | null;
            name: string;
            /** @enum {string} */
            campaign_type: "awareness" | "engagement" | "live_coverage" | "speaker_spotlight" | "sponsorship" | "recap";
            /**
             * Format: date-time
             * @example 2027-03-10T08:00:00+03:00
             */
            start_date: string;
            /**
             * Format: date-time
             * @description Not before start_date (else 400 validation_failed, `date_order`)
             * @example 2027-03-10T08:00:00+03:00
             */
            end_date: string;
            /**
             * @example [
             *       "x",
             *       "linkedin",
             *       "bluesky"
             *     ]
             */
            target_platforms?: ("bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads")[];
            kpi_targets?: components["schemas"]["KpiTargets"];
            /** @enum {string} */
            status?: "draft" | "active" | "paused" | "completed" | "archived";
        };
        CampaignList: {
            data: components["schemas"]["Campaign"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        /**
         * @example {
         *       "status": "active",
         *       "kpi_targets": {
         *         "impressions": 750000
         *       }
         *     }
         */
        UpdateCampaignRequest: {
            /**
             * Format: uuid
             * @description An event of the organisation, or null
             */
            event_id?: string | null;
            name?: string;
            /** @enum {string} */
            campaign_type?: "awareness" | "engagement" | "live_coverage" | "speaker_spotlight" | "sponsorship" | "recap";
            /**
             * Format: date-time
             * @example 2027-03-10T08:00:00+03:00
             */
            start_date?: string;
            /**
             * Format: date-time
             * @description Not before start_date (else 400 validation_failed, `date_order`)
             * @example 2027-03-10T08:00:00+03:00
             */
            end_date?: string;
            /**
             * @example [
             *       "x",
             *       "linkedin",
             *       "bluesky"
             *     ]
             */
            target_platforms?: ("bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads")[];
            kpi_targets?: components["schemas"]["KpiTargets"];
            /** @enum {string} */
            status?: "draft" | "active" | "paused" | "completed" | "archived";
        };
        MediaUpload: {
            /** Format: uuid */
            id: string;
            filename: string;
            /** @enum {string} */
            content_type: "image/jpeg" | "image/png" | "image/gif" | "image/webp" | "video/mp4" | "video/quicktime" | "video/webm" | "application/pdf";
            size: number;
            /** @description Every part but the last has exactly this size */
            part_size: number;
            part_count: number;
            last_part_size: number;
            parts: {
                part_number: number;
                size: number;
            }[];
            /** @description Send these, then complete */
            missing_parts: number[];
            /** @enum {string} */
            status: "uploading" | "completed" | "aborted";
            /**
             * Format: uuid
             * @description The media asset, once completed
             */
            media_id: string | null;
            /** Format: date-time */
            expires_at: string;
            /** Format: date-time */
            created_at: string;
        };
        /**
         * @example {
         *       "filename": "opening-keynote.mp4",
         *       "content_type": "video/mp4",
         *       "size": 157286400
         *     }
         */
        CreateMediaUploadRequest: {
            /** @example keynote-stage.jpg */
            filename: string;
            /** @enum {string} */
            content_type: "image/jpeg" | "image/png" | "image/gif" | "image/webp" | "video/mp4" | "video/quicktime" | "video/webm" | "application/pdf";
            /** @description The whole file's size in bytes */
            size: number;
        };
        Media: {
            /** Format: uuid */
            id: string;
            filename: string;
            /** @enum {string} */
            file_type: "image" | "video" | "document";
            /**
             * @description Decided from the bytes, not from the upload's claim
             * @enum {string}
             */
            mime_type: "image/jpeg" | "image/png" | "image/gif" | "image/webp" | "video/mp4" | "video/quicktime" | "video/webm" | "application/pdf";
            /** @description Bytes */
            file_size: number;
            /** @description Hex SHA-256 of the bytes */
            sha256: string | null;
            width: number | null;
            height: number | null;
            /** @description Videos, once processed */
            duration_ms: number | null;
            /** @enum {string} */
            processing_status: "pending" | "processing" | "ready" | "failed";
            ai_tags: string[];
            /** Format: date-time */
            embargo_until: string | null;
            /** Format: uuid */
            embargo_session_id: string | null;
            /**
             * Format: date-time
             * @description When the embargo lifts: the later of embargo_until and the session's start (as it is now); null: none. Before it the file is on no public page and no post that uses it goes out
             */
            embargo_lifts_at: string | null;
            /** @example /v1/media/0d6f0f4e-0000-4000-8000-000000000010/content */
            content_url: string;
            /** Format: uuid */
            created_by: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        MediaList: {
            data: components["schemas"]["Media"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        /**
         * @example {
         *       "embargo_until": "2027-03-10T09:00:00+03:00"
         *     }
         */
        UpdateMediaRequest: {
            /**
             * Format: date-time
             * @description Not shown publicly, nor in a post that goes out, before this time; null lifts it
             * @example 2027-03-10T08:00:00+03:00
             */
            embargo_until?: string | null;
            /**
             * Format: uuid
             * @description …nor before this session of the organisation starts (moving the session moves the embargo); null lifts it
             */
            embargo_session_id?: string | null;
        };
        Content: {
            /** Format: uuid */
            id: string;
            version: number;
            /**
             * Format: uuid
             * @description The version this one was made from
             */
            parent_version_id: string | null;
            /** @enum {string} */
            content_type: "post" | "thread" | "story" | "reel" | "article" | "announcement" | "quote_card" | "live_update";
            title: string | null;
            caption: string | null;
            hashtags: string[];
            /** @description Media asset ids, in display order */
            media_assets: string[];
            target_platforms: ("bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads")[];
            /** Format: date-time */
            scheduled_for: string | null;
            relative_to: components["schemas"]["RelativeTo"];
            /** @enum {string} */
            workflow_status: "draft" | "in_review" | "changes_requested" | "approved" | "scheduled" | "publishing" | "published" | "partially_published" | "failed" | "archived";
            approval_required: boolean;
            /** Format: uuid */
            event_id: string | null;
            /** Format: uuid */
            campaign_id: string | null;
            /** Format: date-time */
            embargo_until: string | null;
            /** Format: uuid */
            embargo_session_id: string | null;
            /**
             * Format: date-time
             * @description When the embargo lifts: the latest of embargo_until, the session's start (as it is now) and the embargoes of the media it uses; null: none. Before it, nothing is published or shown publicly
             */
            embargo_lifts_at: string | null;
            /** Format: uuid */
            created_by: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description When set, scheduled_for is computed from it and follows the session or phase when it moves
         * @example {
         *       "session_id": "0d6f0f4e-0000-4000-8000-000000000041",
         *       "edge": "start",
         *       "offset_minutes": 10
         *     }
         */
        RelativeTo: {
            /**
             * Format: uuid
             * @description A session of the content's event
             */
            session_id?: string;
            /**
             * Format: uuid
             * @description A phase of the content's event
             */
            phase_id?: string;
            /**
             * @description Count from the session's (or phase's) start or end
             * @enum {string}
             */
            edge: "start" | "end";
            /**
             * @description Minutes after the edge (negative: before); at most 30 days
             * @example 10
             */
            offset_minutes: number;
        } | null;
        /**
         * @example {
         *       "content_type": "post",
         *       "title": "Day one opens",
         *       "caption": "Doors open at 8:00 in Nairobi. See you at the summit!",
         *       "hashtags": [
         *         "#AES2027",
         *         "EnergyTransition"
         *       ],
         *       "target_platforms": [
         *         "x",
         *         "linkedin",
         *         "bluesky"
         *       ],
         *       "scheduled_for": "2027-03-10T07:30:00+03:00"
         *     }
         */
        CreateContentRequest: {
            /** @enum {string} */
            content_type: "post" | "thread" | "story" | "reel" | "article" | "announcement" | "quote_card" | "live_update";
            title?: string | null;
            caption?: string | null;
            /**
             * @description Hashtags of letters, digits and _ (up to 99), with or without the #; answered with one # each and repeats (any case) dropped
             * @example [
             *       "#AES2027",
             *       "EnergyTransition"
             *     ]
             */
            hashtags?: string[];
            /**
             * @example [
             *       "0d6f0f4e-0000-4000-8000-000000000031"
             *     ]
             */
            media_assets?: string[];
            /**
             * @example [
             *       "x",
             *       "linkedin",
             *       "bluesky"
             *     ]
             */
            target_platforms?: ("bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads")[];
            /**
             * Format: date-time
             * @description A clock time; setting it drops relative_to (not both: 400 relative_and_clock_time)
             * @example 2027-03-10T08:00:00+03:00
             */
            scheduled_for?: string | null;
            relative_to?: components["schemas"]["RelativeTo"] & unknown;
            /** @description Deciding the review needs content:approve. Defaults to the organisation's require_approval setting */
            approval_required?: boolean;
            /** Format: uuid */
            event_id?: string | null;
            /** Format: uuid */
            campaign_id?: string | null;
            /**
             * Format: date-time
             * @description Not published nor shown publicly before this time; null lifts it
             * @example 2027-03-10T08:00:00+03:00
             */
            embargo_until?: string | null;
            /**
             * Format: uuid
             * @description Not published nor shown publicly before this session of the organisation starts (moving the session moves the embargo); null lifts it
             */
            embargo_session_id?: string | null;
        };
        ContentList: {
            data: components["schemas"]["Content"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        /**
         * @example {
         *       "caption": "Doors open at 8:30 — see you there!"
         *     }
         */
        UpdateContentRequest: {
            /** @enum {string} */
            content_type?: "post" | "thread" | "story" | "reel" | "article" | "announcement" | "quote_card" | "live_update";
            title?: string | null;
            caption?: string | null;
            /**
             * @description Hashtags of letters, digits and _ (up to 99), with or without the #; answered with one # each and repeats (any case) dropped
             * @example [
             *       "#AES2027",
             *       "EnergyTransition"
             *     ]
             */
            hashtags?: string[];
            /**
             * @example [
             *       "0d6f0f4e-0000-4000-8000-000000000031"
             *     ]
             */
            media_assets?: string[];
            /**
             * @example [
             *       "x",
             *       "linkedin",
             *       "bluesky"
             *     ]
             */
            target_platforms?: ("bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads")[];
            /**
             * Format: date-time
             * @description A clock time; setting it drops relative_to (not both: 400 relative_and_clock_time)
             * @example 2027-03-10T08:00:00+03:00
             */
            scheduled_for?: string | null;
            relative_to?: components["schemas"]["RelativeTo"] & unknown;
            /** @description Deciding the review needs content:approve. Defaults to the organisation's require_approval setting */
            approval_required?: boolean;
            /** Format: uuid */
            event_id?: string | null;
            /** Format: uuid */
            campaign_id?: string | null;
            /**
             * Format: date-time
             * @description Not published nor shown publicly before this time; null lifts it
             * @example 2027-03-10T08:00:00+03:00
             */
            embargo_until?: string | null;
            /**
             * Format: uuid
             * @description Not published nor shown publicly before this session of the organisation starts (moving the session moves the embargo); null lifts it
             */
            embargo_session_id?: string | null;
        };
        /**
         * @example {
         *       "to": "in_review",
         *       "comment": "Ready for legal."
         *     }
         */
        ContentTransitionRequest: {
            /** @enum {string} */
            to: "draft" | "in_review" | "changes_requested" | "approved" | "scheduled" | "archived";
            /** @description Kept in the audit trail */
            comment?: string;
            /**
             * Format: date-time
             * @description Only with to: scheduled — the time to publish at (else the content's scheduled_for)
             * @example 2027-03-10T08:00:00+03:00
             */
            scheduled_for?: string;
            relative_to?: components["schemas"]["RelativeTo"] & unknown;
        };
        ContentValidation: {
            /** @description true: the content could be scheduled now (no rule fails, and no protocol finding blocks under the organisation's setting) */
            ok: boolean;
            failures: components["schemas"]["PlatformRuleFailure"][];
            /**
             * @description The organisation's setting: block refuses review, approval requests, scheduling and publish-now on an error finding
             * @enum {string}
             */
            protocol_checks: "warn" | "block";
            protocol_findings: components["schemas"]["ProtocolFinding"][];
        };
        PlatformRuleFailure: {
            /**
             * @description null: the content as a whole
             * @enum {string|null}
             */
            platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads" | null;
            /** @enum {string} */
            rule: "target_platforms" | "scheduled_for" | "media_missing" | "caption_length" | "caption_bytes" | "hashtag_count" | "mention_count" | "link_count" | "media_required" | "media_count" | "media_type" | "media_size" | "media_dimensions" | "media_duration" | "media_mix";
            message: string;
            limit: number | string | null;
            actual: number | string | null;
            /**
             * Format: uuid
             * @description The asset a media rule is about
             */
            media_id?: string;
        };
        ProtocolFinding: {
            /** @enum {string} */
            code: "protocol_title_missing" | "protocol_name_mismatch" | "protocol_handle_missing" | "protocol_precedence";
            /**
             * @description error: blocks when the organisation's protocol_checks is block; warning never blocks
             * @enum {string}
             */
            severity: "error" | "warning";
            /** Format: uuid */
            delegate_id: string;
            /**
             * @description The platform a handle is missing on; null: the text
             * @enum {string|null}
             */
            platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads" | null;
            /** @example "H.E. Amina Diallo" is expected where "Amina Diallo" is written. */
            message: string;
            /** @example H.E. Amina Diallo */
            expected: string;
            /** @description As the text has it; null when absent (a missing tag) */
            actual: string | null;
        };
        ContentVersionList: {
            data: components["schemas"]["Content"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        ContentVersionDiff: {
            from: {
                /** Format: uuid */
                id: string;
                version: number;
            };
            to: {
                /** Format: uuid */
                id: string;
                version: number;
            };
            /** @description Each field that differs, with its value in `from` and in `to` */
            changes: {
                [key: string]: {
                    from?: unknown;
                    to?: unknown;
                };
            };
        };
        Template: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            content_type: "post" | "thread" | "story" | "reel" | "article" | "announcement" | "quote_card" | "live_update";
            template_data: components["schemas"]["TemplateData"];
            thumbnail_url: string | null;
            /** @description How many drafts were rendered from it */
            usage_count: number;
            /** Format: uuid */
            created_by: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description title, caption and hashtags may hold placeholders written {{name}}, from this closed list: event.name, event.start_date, event.end_date, event.hashtags, event.handle.bluesky, event.handle.x, event.handle.facebook, event.handle.instagram, event.handle.linkedin, event.handle.threads, phase.name, delegate.title, delegate.first_name, delegate.last_name, delegate.full_name, delegate.designation, delegate.organization, delegate.handle.bluesky, delegate.handle.x, delegate.handle.facebook, delegate.handle.instagram, delegate.handle.linkedin, delegate.handle.threads. Dates render as a day in the event's time zone ("10 March 2027"); event.hashtags is the event's official hashtags joined by spaces; handles render with one leading @ on x, threads, instagram and bluesky (as stored on facebook and linkedin); delegate.full_name is title, first and last name. A value the row does not have (no title, no handle) renders empty. Any other placeholder is 400 unknown_placeholder, listing them in placeholders.
         * @example {
         *       "title": "Meet {{delegate.full_name}}",
         *       "caption": "{{delegate.full_name}} ({{delegate.handle.x}}), {{delegate.designation}}, speaks at {{event.name}} on {{event.start_date}}.",
         *       "hashtags": [
         *         "{{event.hashtags}}",
         *         "Speakers"
         *       ],
         *       "target_platforms": [
         *         "x",
         *         "linkedin"
         *       ]
         *     }
         */
        TemplateData: {
            title?: string;
            caption: string;
            /** @description Hashtags, or placeholders that render to them (e.g. {{event.hashtags}}) */
            hashtags?: string[];
            /**
             * @example [
             *       "x",
             *       "linkedin",
             *       "bluesky"
             *     ]
             */
            target_platforms?: ("bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads")[];
        };
        /**
         * @example {
         *       "name": "Speaker spotlight",
         *       "content_type": "post",
         *       "template_data": {
         *         "title": "Meet {{delegate.full_name}}",
         *         "caption": "{{delegate.full_name}}, {{delegate.designation}}, speaks at {{event.name}} on {{event.start_date}}.",
         *         "hashtags": [
         *           "{{event.hashtags}}",
         *           "Speakers"
         *         ],
         *         "target_platforms": [
         *           "x",
         *           "linkedin"
         *         ]
         *       }
         *     }
         */
        CreateTemplateRequest: {
            name: string;
            /** @enum {string} */
            content_type: "post" | "thread" | "story" | "reel" | "article" | "announcement" | "quote_card" | "live_update";
            template_data: components["schemas"]["TemplateData"];
            /** Format: uri */
            thumbnail_url?: string | null;
        };
        TemplateList: {
            data: components["schemas"]["Template"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        /**
         * @example {
         *       "name": "Speaker spotlight (day 2)"
         *     }
         */
        UpdateTemplateRequest: {
            name?: string;
            /** @enum {string} */
            content_type?: "post" | "thread" | "story" | "reel" | "article" | "announcement" | "quote_card" | "live_update";
            template_data?: components["schemas"]["TemplateData"];
            /** Format: uri */
            thumbnail_url?: string | null;
        };
        /**
         * @example {
         *       "event_id": "0d6f0f4e-0000-4000-8000-000000000010",
         *       "delegate_id": "0d6f0f4e-0000-4000-8000-000000000020"
         *     }
         */
        RenderTemplateRequest: {
            /** Format: uuid */
            event_id: string;
            /**
             * Format: uuid
             * @description A phase of the event (for phase.*)
             */
            phase_id?: string;
            /**
             * Format: uuid
             * @description A delegate of the event (for delegate.*)
             */
            delegate_id?: string;
            /** Format: uuid */
            campaign_id?: string;
            /**
             * Format: date-time
             * @example 2027-03-10T08:00:00+03:00
             */
            scheduled_for?: string;
        };
        ApprovalRequestDetail: components["schemas"]["ApprovalRequest"] & {
            /** @description The workflow's steps as they were at submission */
            steps: components["schemas"]["ApprovalStep"][];
            actions: components["schemas"]["ApprovalAction"][];
        };
        ApprovalStep: {
            number: number;
            name: string;
            approvers: {
                roles: ("owner" | "admin" | "manager" | "editor" | "approver" | "viewer")[];
                user_ids: string[];
            };
            required_approvals: number | "all";
            deadline: {
                hours: number;
            } | {
                before_publish_hours: number;
            } | null;
            remind_before_hours: number | null;
            escalate_to: {
                roles: ("owner" | "admin" | "manager" | "editor" | "approver" | "viewer")[];
                user_ids: string[];
            } | null;
        };
        ApprovalAction: {
            /** Format: uuid */
            id: string;
            step_number: number;
            /** @enum {string} */
            action: "approve" | "reject" | "request_changes" | "comment" | "cancel" | "escalate" | "remind" | "expire";
            /**
             * Format: uuid
             * @description The user; null for the system and link approvers
             */
            actioned_by: string | null;
            /** @description Who acted through an approval link */
            external_actor: {
                name: string;
                email: string;
            } | null;
            comment: string | null;
            /** Format: date-time */
            actioned_at: string;
        };
        ApprovalRequest: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "changes_requested" | "cancelled" | "expired";
            content: {
                /** Format: uuid */
                id: string;
                title: string | null;
                version: number;
                /** Format: date-time */
                scheduled_for: string | null;
                /** @enum {string} */
                workflow_status: "draft" | "in_review" | "changes_requested" | "approved" | "scheduled" | "publishing" | "published" | "partially_published" | "failed" | "archived";
            };
            /**
             * Format: uuid
             * @description Null for manual approval (a manager or above)
             */
            workflow_id: string | null;
            current_step: {
                number: number;
                name: string;
                /** @description Approvals given on this step so far */
                approvals: number;
                required_approvals: number | "all";
            };
            steps_total: number;
            /** Format: date-time */
            step_due_at: string | null;
            /**
             * Format: date-time
             * @description The content's publish time: still pending then, the request expires
             */
            expires_at: string | null;
            /** Format: uuid */
            requested_by: string | null;
            /** Format: date-time */
            requested_at: string;
            /** Format: date-time */
            resolved_at: string | null;
        };
        /**
         * @example {
         *       "comment": "Ready for legal review."
         *     }
         */
        SubmitForApprovalRequest: {
            /** @description A note to the approvers (recorded as a comment) */
            comment?: string;
        };
        ApprovalRequestList: {
            data: components["schemas"]["ApprovalRequest"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        ApprovalActionResult: {
            action: {
                /** Format: uuid */
                id: string;
                step_number: number;
                /** @enum {string} */
                action: "approve" | "reject" | "request_changes" | "comment" | "cancel" | "escalate" | "remind" | "expire";
                /** Format: date-time */
                actioned_at: string;
            };
            request: components["schemas"]["ApprovalRequestState"];
        };
        ApprovalRequestState: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "changes_requested" | "cancelled" | "expired";
            current_step: {
                number: number;
                name: string;
                /** @description Approvals given on this step so far */
                approvals: number;
                required_approvals: number | "all";
            };
            steps_total: number;
            /** Format: date-time */
            step_due_at: string | null;
            /** Format: date-time */
            expires_at: string | null;
            /** Format: date-time */
            resolved_at: string | null;
        };
        /**
         * @description `reject`, `request_changes` and `comment` need a comment; `approve` and `cancel` may have one.
         * @example {
         *       "action": "approve",
         *       "comment": "Looks right."
         *     }
         */
        ApprovalActionRequest: components["schemas"]["ApprovalActionApproveOrCancel"] | components["schemas"]["ApprovalActionReject"] | components["schemas"]["ApprovalActionRequestChanges"] | components["schemas"]["ApprovalActionComment"];
        ApprovalActionApproveOrCancel: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            action: "approve" | "cancel";
            comment?: string;
        };
        ApprovalActionReject: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            action: "reject";
            /** @description Required to reject */
            comment: string;
        };
        ApprovalActionRequestChanges: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            action: "request_changes";
            /** @description Required to request changes */
            comment: string;
        };
        ApprovalActionComment: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            action: "comment";
            /** @description Required to comment */
            comment: string;
        };
        ApprovalLink: {
            /** Format: uri */
            url: string;
            /** Format: date-time */
            expires_at: string;
            step: {
                number: number;
                name: string;
            };
        };
        /**
         * @example {
         *       "name": "Office of the Cabinet Secretary",
         *       "email": "cs.office@energy.go.ke",
         *       "expires_in_hours": 48
         *     }
         */
        ApprovalLinkRequest: {
            name: string;
            /** Format: email */
            email: string;
            /** @default 72 */
            expires_in_hours: number;
        };
        ApprovalLinkView: {
            approval_request: components["schemas"]["ApprovalRequestState"];
            step: {
                number: number;
                name: string;
            };
            invited: {
                name: string;
                email: string;
            };
            /** Format: date-time */
            expires_at: string;
            content: {
                /** Format: uuid */
                id: string;
                version: number;
                content_type: string;
                title: string | null;
                caption: string | null;
                hashtags: string[];
                media_assets: string[];
                target_platforms: string[];
                /** Format: date-time */
                scheduled_for: string | null;
            };
        };
        /**
         * @description A rejection needs a comment (the reason); an approval may have one.
         * @example {
         *       "decision": "approve"
         *     }
         */
        ApprovalLinkDecision: components["schemas"]["ApprovalLinkApprove"] | components["schemas"]["ApprovalLinkReject"];
        ApprovalLinkApprove: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            decision: "approve";
            comment?: string;
        };
        ApprovalLinkReject: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            decision: "reject";
            /** @description Required to reject */
            comment: string;
        };
        StartOAuthResponse: {
            /**
             * Format: uri
             * @description Send the user's browser here
             */
            authorize_url: string;
            /**
             * Format: date-time
             * @description Complete the flow before this time
             */
            expires_at: string;
        };
        /**
         * @example {
         *       "platform": "x",
         *       "return_to": "https://guddu.example.com/settings/accounts"
         *     }
         */
        StartOAuthRequest: {
            /** @enum {string} */
            platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
            /**
             * Format: uuid
             * @description Tie the account to this event
             */
            event_id?: string;
            /**
             * Format: uri
             * @description Where to send the browser after the callback (an address on this API's public origin), with ?connected=<id> or ?error=<code>. Without it the callback answers JSON.
             */
            return_to?: string;
        };
        SocialAccount: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
            platform_user_id: string;
            username: string | null;
            /** Format: uuid */
            event_id: string | null;
            is_active: boolean;
            /**
             * @description reauth_required: the platform refused to renew access; posts to the account wait until it is connected again (status_reason says why)
             * @enum {string}
             */
            connection_status: "connected" | "reauth_required";
            status_reason: string | null;
            /**
             * Format: date-time
             * @description When the current access token expires
             */
            token_expires_at: string | null;
            /**
             * Format: date-time
             * @description When the tokens were last issued (connected or refreshed); while a refresh runs, when it started
             */
            token_refreshed_at: string | null;
            /** @description Platform facts, never secrets */
            metadata: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            connected_by: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @example {
         *       "platform": "bluesky",
         *       "identifier": "aesummit.bsky.social",
         *       "app_password": "abcd-efgh-ijkl-mnop"
         *     }
         */
        AppPasswordConnectRequest: {
            /** @enum {string} */
            platform: "bluesky";
            /** @description Handle, DID or email */
            identifier: string;
            /** @description Used once to sign in; never stored */
            app_password: string;
            /**
             * Format: uri
             * @description The account's PDS: an https:// address with a public host name (else 400 service_not_allowed) that answers as an AT Protocol server (else 422 service_unreachable / service_not_atproto) and is the PDS its DID document names (else 422 pds_not_serving_account). Without it the PDS is found from the handle or DID and its DID document (422 handle_not_resolved / did_not_resolved when there is none); an email signs in at bsky.social.
             */
            service?: string;
            /** Format: uuid */
            event_id?: string;
        };
        SocialAccountList: {
            data: components["schemas"]["SocialAccount"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        /**
         * @example {
         *       "is_active": false
         *     }
         */
        UpdateSocialAccountRequest: {
            /**
             * Format: uuid
             * @description A live event of the organisation, or null
             */
            event_id?: string | null;
            /** @description false pauses posting to the account */
            is_active?: boolean;
        };
        ApprovalWorkflow: {
            /** Format: uuid */
            id: string;
            name: string;
            is_active: boolean;
            steps: components["schemas"]["ApprovalStep"][];
            trigger_conditions: {
                content_types?: string[];
                platforms?: ("bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads")[];
                campaign_ids?: string[];
                event_ids?: string[];
                /** @enum {boolean} */
                mentions_vip_delegate?: true;
            };
            /** Format: uuid */
            created_by: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @example {
         *       "name": "VIP posts",
         *       "steps": [
         *         {
         *           "name": "Comms review",
         *           "approvers": {
         *             "roles": [
         *               "manager"
         *             ]
         *           },
         *           "deadline": {
         *             "hours": 24
         *           }
         *         },
         *         {
         *           "name": "Protocol office",
         *           "approvers": {
         *             "roles": [
         *               "admin"
         *             ]
         *           },
         *           "required_approvals": 1,
         *           "deadline": {
         *             "before_publish_hours": 2
         *           },
         *           "remind_before_hours": 1
         *         }
         *       ],
         *       "trigger_conditions": {
         *         "content_types": [
         *           "post"
         *         ],
         *         "mentions_vip_delegate": true
         *       }
         *     }
         */
        CreateApprovalWorkflowRequest: {
            name: string;
            is_active?: boolean;
            /** @description In order; a step's number, when given, is its position (1, 2 …). */
            steps: components["schemas"]["ApprovalStepInput"][];
            trigger_conditions?: components["schemas"]["ApprovalTriggerConditions"];
        };
        /** @description Approver roles must be able to approve content; required_approvals "all" needs a step that names user_ids and no roles; remind_before_hours and escalate_to need a deadline, and the reminder falls within it (at most the deadline's hours). */
        ApprovalStepInput: {
            /** @description Optional (a read answers it); when given, the step's position */
            number?: number;
            name: string;
            approvers: components["schemas"]["ApprovalApprovers"];
            /** @description How many approvals pass the step (default 1); "all": every named user */
            required_approvals?: number | "all";
            deadline?: components["schemas"]["ApprovalDeadline"];
            /** @description With a deadline: remind the approvers this many hours before it (default: a quarter of it, at least 1) */
            remind_before_hours?: number | null;
            /**
             * @description With a deadline: who is told when it passes (default: the workflow's creator)
             * @example {
             *       "roles": [
             *         "manager"
             *       ],
             *       "user_ids": []
             *     }
             */
            escalate_to?: {
                roles?: ("owner" | "admin" | "manager" | "editor" | "approver" | "viewer")[];
                user_ids?: string[];
            } | null;
        };
        /**
         * @description Name roles, user_ids or both (not both empty); every role named must be able to approve content.
         * @example {
         *       "roles": [
         *         "manager"
         *       ],
         *       "user_ids": []
         *     }
         */
        ApprovalApprovers: {
            roles?: ("owner" | "admin" | "manager" | "editor" | "approver" | "viewer")[];
            user_ids?: string[];
        };
        /**
         * @description Exactly one of hours and before_publish_hours.
         * @example {
         *       "hours": 24
         *     }
         */
        ApprovalDeadline: {
            /** @description Due this many hours after the step starts */
            hours?: number;
            /** @description Due this many hours before the content's scheduled time */
            before_publish_hours?: number;
        } | null;
        /**
         * @description Every condition given must hold; none given matches all content (the fallback workflow).
         * @example {
         *       "content_types": [
         *         "post"
         *       ],
         *       "platforms": [
         *         "x",
         *         "linkedin"
         *       ],
         *       "mentions_vip_delegate": true
         *     }
         */
        ApprovalTriggerConditions: {
            content_types?: ("post" | "thread" | "story" | "reel" | "article" | "announcement" | "quote_card" | "live_update")[];
            /** @description Matches content that targets any of them */
            platforms?: ("bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads")[];
            campaign_ids?: string[];
            event_ids?: string[];
            /**
             * @description The caption mentions a delegate with vip_tier above 0: @ + one of their social handles, or their first and last name as whole words (case-insensitive)
             * @enum {boolean}
             */
            mentions_vip_delegate?: true;
        };
        ApprovalWorkflowList: {
            data: components["schemas"]["ApprovalWorkflow"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        ApprovalWorkflowMatch: {
            /** Format: uuid */
            content_id: string;
            workflow: components["schemas"]["ApprovalWorkflow"] & (Record<string, never> | null);
            /** @description Manual approval by an owner, admin or manager applies */
            manual: boolean;
            /** @description The steps the content would go through */
            steps: components["schemas"]["ApprovalStep"][];
            /** @description The workflow's conditions, all of which the content meets */
            matched_conditions: string[];
            facts: {
                content_type: string;
                target_platforms: ("bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads")[];
                /** Format: uuid */
                campaign_id: string | null;
                /** Format: uuid */
                event_id: string | null;
                mentions_vip_delegate: boolean;
            };
        };
        /**
         * @description Steps and trigger_conditions, when given, replace the current ones whole.
         * @example {
         *       "is_active": false
         *     }
         */
        UpdateApprovalWorkflowRequest: {
            name?: string;
            is_active?: boolean;
            /** @description In order; a step's number, when given, is its position (1, 2 …). */
            steps?: components["schemas"]["ApprovalStepInput"][];
            trigger_conditions?: components["schemas"]["ApprovalTriggerConditions"];
        };
        NotificationList: {
            data: components["schemas"]["Notification"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        Notification: {
            /** Format: uuid */
            id: string;
            /** @example approval.requested */
            type: string;
            title: string;
            message: string | null;
            link: string | null;
            data: {
                [key: string]: unknown;
            };
            is_read: boolean;
            /** Format: date-time */
            read_at: string | null;
            /** Format: date-time */
            created_at: string;
        };
        UnreadNotificationCount: {
            unread: number;
        };
        MarkAllNotificationsReadResponse: {
            marked: number;
        };
        /**
         * @example {
         *       "before": "2027-03-10T08:00:00Z"
         *     }
         */
        MarkAllNotificationsReadRequest: {
            /**
             * Format: date-time
             * @description Only those created at or before this time (the newest the client has shown)
             * @example 2027-03-10T08:00:00+03:00
             */
            before?: string;
        };
        PublishNowResult: {
            content: components["schemas"]["Content"];
            published_posts: components["schemas"]["PublishedPost"][];
        };
        PublishedPost: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            content_id: string;
            /**
             * Format: uuid
             * @description null once the account was removed
             */
            social_account_id: string | null;
            /** @enum {string} */
            platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
            /**
             * @description pending (waiting for its time, a paused event or a reconnect) → queued (its message is on the way) → publishing → published | failed; cancelled (unscheduled or deleted before it went out); deleted (removed from the platform)
             * @enum {string}
             */
            publish_status: "pending" | "queued" | "publishing" | "published" | "failed" | "cancelled" | "deleted" | "held";
            platform_post_id: string | null;
            platform_url: string | null;
            /** Format: date-time */
            published_at: string | null;
            attempt_count: number;
            /** @description Why the last attempt failed, or why it gave up */
            last_error: string | null;
            /**
             * Format: date-time
             * @description When it is due (again)
             */
            next_attempt_at: string | null;
            /** @description What was sent to the platform: text, hashtags, mentions, link, media_ids */
            sent: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        PublishNowConflict: components["schemas"]["Problem"] & {
            /**
             * Format: date-time
             * @description With content_embargoed: when the embargo (the content's own or a media asset's) lifts
             */
            embargo_lifts_at?: string;
        };
        PublishingSwitch: {
            /** Format: uuid */
            event_id: string;
            publishing_paused: boolean;
            /** @description The event's posts not sent yet (pending or queued) */
            waiting_posts: number;
        };
        PublishingPauseResult: components["schemas"]["PublishingPause"] & {
            /** @description The waiting posts it holds, soonest first (at most 100; `waiting_posts` counts them all) */
            held_posts: components["schemas"]["HeldPost"][];
        };
        HeldPost: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            content_id: string;
            content_title: string | null;
            /** @enum {string} */
            platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
            /** Format: uuid */
            social_account_id: string | null;
            /**
             * Format: date-time
             * @description When it was due to go out
             */
            due_at: string | null;
        };
        PublishingPause: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            event_id: string;
            /**
             * @description What it holds: the whole event, a platform, an account
             * @enum {string}
             */
            scope: "event" | "platform" | "account";
            /** @enum {string|null} */
            platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads" | null;
            /** Format: uuid */
            social_account_id: string | null;
            /**
             * Format: date-time
             * @description When it lifts (or lifted) by itself or by hand; null: in force until lifted by hand
             */
            until: string | null;
            reason: string | null;
            /** Format: uuid */
            created_by: string | null;
            /** Format: date-time */
            created_at: string;
            /** @description The event's posts not sent yet (pending or queued) that it names */
            waiting_posts: number;
        };
        /**
         * @example {
         *       "platform": "x",
         *       "until": "2027-03-10T09:30:00+03:00",
         *       "reason": "Keynote running late"
         *     }
         */
        PublishingPauseRequest: {
            /**
             * @description Pause only this platform's posts
             * @enum {string}
             */
            platform?: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
            /**
             * Format: uuid
             * @description Pause only the posts through this account (not with `platform`)
             */
            social_account_id?: string;
            /**
             * Format: date-time
             * @description When the pause lifts by itself (in the future); absent: when lifted by hand
             * @example 2027-03-10T08:00:00+03:00
             */
            until?: string;
            /** @description Why, for the team */
            reason?: string;
        };
        PublishingPauseList: {
            data: components["schemas"]["PublishingPause"][];
        };
        EventOperations: {
            event: {
                /** Format: uuid */
                id: string;
                name: string;
                time_zone: string;
                /** @enum {string} */
                status: "draft" | "scheduled" | "live" | "completed" | "archived";
            };
            /** Format: date-time */
            generated_at: string;
            upcoming: {
                /** Format: date-time */
                until: string;
                /** @description Waiting posts due before `until` (overdue ones included) */
                total: number;
                /** @description Soonest first */
                posts: {
                    /** Format: uuid */
                    published_post_id: string;
                    /** Format: uuid */
                    content_id: string;
                    content_title: string | null;
                    /** @enum {string} */
                    platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                    social_account: {
                        /** Format: uuid */
                        id: string;
                        username: string | null;
                    } | null;
                    /** Format: date-time */
                    due_at: string;
                    /** @enum {string} */
                    publish_status: "pending" | "queued" | "publishing" | "published" | "failed" | "cancelled" | "deleted" | "held";
                    /** @description Its time has passed and it has not gone out */
                    overdue: boolean;
                    /** @description What holds it; all empty: it goes out on time */
                    held_by: {
                        /** @description The pause holding it when it is due (the one lifting last) */
                        pause: {
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            until: string | null;
                        } | null;
                        /** @description Its content or media is under embargo when it is due */
                        embargoed: boolean;
                        /**
                         * @description Its account is removed, paused or must be reconnected
                         * @enum {string|null}
                         */
                        account: "removed" | "paused" | "reauth_required" | null;
                    };
                }[];
            };
            approvals: {
                /** @description Pending approval requests of the event's content */
                total: number;
                /** @description Of them, past their step's deadline */
                overdue: number;
                /** @description Earliest deadline first, then longest waiting */
                requests: {
                    /** Format: uuid */
                    approval_request_id: string;
                    /** Format: uuid */
                    content_id: string;
                    content_title: string | null;
                    /** Format: date-time */
                    scheduled_for: string | null;
                    step: {
                        number: number;
                        name: string;
                        of: number;
                        /** @description Approvals given on this step so far */
                        approvals: number;
                    };
                    /** @description Whose turn: the roles the step names and the named people who have not approved it yet (with those it escalated to, once escalated) */
                    waiting_for: {
                        roles: ("owner" | "admin" | "manager" | "editor" | "approver" | "viewer")[];
                        users: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                    };
                    escalated: boolean;
                    /**
                     * Format: date-time
                     * @description When the step started
                     */
                    since: string;
                    /**
                     * Format: date-time
                     * @description The step's deadline
                     */
                    due_at: string | null;
                    overdue: boolean;
                }[];
            };
            failed: {
                /** Format: date-time */
                since: string;
                /** @description Posts that failed since `since` */
                total: number;
                /** @description Newest first */
                posts: {
                    /** Format: uuid */
                    published_post_id: string;
                    /** Format: uuid */
                    content_id: string;
                    content_title: string | null;
                    /** @enum {string} */
                    platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                    social_account: {
                        /** Format: uuid */
                        id: string;
                        username: string | null;
                    } | null;
                    /** Format: date-time */
                    failed_at: string;
                    attempts: number;
                    /** @description The platform's message, or why the retries gave up */
                    reason: string | null;
                    last_attempt: {
                        number: number;
                        /** @enum {string} */
                        outcome: "in_progress" | "succeeded" | "retryable_failure" | "permanent_failure" | "uncertain";
                        http_status: number | null;
                        error_code: string | null;
                        error_message: string | null;
                        /** Format: date-time */
                        at: string;
                    } | null;
                }[];
            };
            accounts: {
                /** @description Accounts of the event to reconnect */
                total: number;
                accounts: {
                    /** Format: uuid */
                    social_account_id: string;
                    /** @enum {string} */
                    platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                    username: string | null;
                    /** Format: uuid */
                    event_id: string | null;
                    /**
                     * @description reauth_required: the platform refused to renew its token; token_expired: connected but its token has run out; token_expiring: runs out within token_hours with nothing to renew it
                     * @enum {string}
                     */
                    reason: "reauth_required" | "token_expired" | "token_expiring";
                    /** @enum {string} */
                    connection_status: "connected" | "reauth_required";
                    status_reason: string | null;
                    /** Format: date-time */
                    token_expires_at: string | null;
                    /** @description The event's posts not sent yet that go through it */
                    waiting_posts: number;
                }[];
            };
            /** @description In force now, lifting last first */
            pauses: components["schemas"]["PublishingPause"][];
            trending: {
                /** Format: date-time */
                since: string;
                /** @description The event's posts with most interactions (their latest measurement), as the dashboard */
                top_posts: {
                    /** Format: uuid */
                    published_post_id: string;
                    /** Format: uuid */
                    content_id: string;
                    /** @enum {string} */
                    platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                    url: string | null;
                    /** Format: date-time */
                    published_at: string;
                    caption: string | null;
                    /** @description Views as the platform counts them (Instagram/Threads `views`, Facebook `post_media_view`, X and LinkedIn impressions); null where the platform gives none (Bluesky) */
                    impressions: number | null;
                    /** @description Accounts reached, summed per post (an account reached by two posts counts twice) */
                    reach: number | null;
                    /** @description Likes and reactions */
                    likes: number | null;
                    /** @description Replies and comments */
                    comments: number | null;
                    /** @description Reposts, quotes and shares */
                    shares: number | null;
                    /** @description Saves and bookmarks */
                    saves: number | null;
                    /** @description Link clicks */
                    clicks: number | null;
                    /** @description likes + comments + shares + saves + clicks, of those the platforms give */
                    interactions: number | null;
                    /** @description interactions ÷ impressions over the posts whose platform gives impressions (0.0512 = 5.12%); null without impressions */
                    engagement_rate: number | null;
                }[];
                /** @description What the event's posts gained since `since` */
                gained: {
                    /** @description Views as the platform counts them (Instagram/Threads `views`, Facebook `post_media_view`, X and LinkedIn impressions); null where the platform gives none (Bluesky) */
                    impressions: number | null;
                    /** @description Accounts reached, summed per post (an account reached by two posts counts twice) */
                    reach: number | null;
                    /** @description Likes and reactions */
                    likes: number | null;
                    /** @description Replies and comments */
                    comments: number | null;
                    /** @description Reposts, quotes and shares */
                    shares: number | null;
                    /** @description Saves and bookmarks */
                    saves: number | null;
                    /** @description Link clicks */
                    clicks: number | null;
                    /** @description likes + comments + shares + saves + clicks, of those the platforms give */
                    interactions: number | null;
                };
                /** @description The event's latest negative-sentiment alert, however old */
                latest_alert: {
                    /** Format: date-time */
                    window_start: string;
                    items: number;
                    negative_share: number;
                } | null;
            };
        };
        PublishedPostList: {
            data: components["schemas"]["PublishedPost"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        PublishedPostDetail: components["schemas"]["PublishedPost"] & {
            attempts: components["schemas"]["PublishAttempt"][];
        };
        PublishAttempt: {
            attempt_number: number;
            /**
             * @description uncertain: the request may have reached the platform (a timeout after sending); the next attempt asks the platform before sending again
             * @enum {string}
             */
            outcome: "in_progress" | "succeeded" | "retryable_failure" | "permanent_failure" | "uncertain";
            http_status: number | null;
            /** @description rate_limited, transient, auth_expired, permanent, duplicate, uncertain, worker_lost … */
            error_code: string | null;
            /** @description The platform's message */
            error_message: string | null;
            platform_response: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            started_at: string;
            /** Format: date-time */
            finished_at: string | null;
        };
        InboundItemList: {
            data: components["schemas"]["InboundItem"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        InboundFailureList: {
            data: components["schemas"]["InboundFailure"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        InboundFailure: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
            /** @description SHA-256 of the delivery's body, as the webhook answered it */
            delivery_id: string;
            /** @description Why it could not be stored, the last time it was tried */
            error: string;
            /** @description Tries in its last pass through the queues */
            attempts: number;
            /** @description Times it was sent through the queue again */
            replays: number;
            /**
             * Format: date-time
             * @description When the cron sends it again (after 15 minutes, doubling, 8 times); null once resolved or after the last automatic replay
             */
            next_replay_at: string | null;
            /** Format: date-time */
            first_failed_at: string;
            /** Format: date-time */
            last_failed_at: string;
            /**
             * Format: date-time
             * @description When a replay stored it
             */
            resolved_at: string | null;
        };
        WebhookEndpointWithSecret: components["schemas"]["WebhookEndpoint"] & {
            /**
             * @description The signing secret (`whsec_…`): shown only in this answer; keep it to verify deliveries
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
        };
        /**
         * @description `content.submitted`: content went into review (an approval request was made); about the content; `content.approved`: the last approval step passed; about the content; `content.rejected`: an approver rejected the content or asked for changes (`decision`); about the content; `approval.step_waiting`: an approval step waits for its approvers (the first, or the next one); about the content; `post.published`: a post went out on its platform; about the post; `post.failed`: a post failed for good; about the post; `social_account.reauth_required`: a platform refused to renew an account's access; about the account; `mention.received`: a new mention, reply, comment or quote arrived (`kind`); about the item; `sentiment.alert`: an event's share of negative talk crossed the alert threshold; about the event
         * @enum {string}
         */
        WebhookEventType: "content.submitted" | "content.approved" | "content.rejected" | "approval.step_waiting" | "post.published" | "post.failed" | "social_account.reauth_required" | "mention.received" | "sentiment.alert";
        WebhookEndpoint: {
            /** Format: uuid */
            id: string;
            url: string;
            description: string | null;
            events: components["schemas"]["WebhookEventType"][];
            enabled: boolean;
            /** @description Why Guddu disabled it (after the last retry of a delivery failed) */
            disabled_reason: string | null;
            /** Format: date-time */
            disabled_at: string | null;
            /**
             * Format: date-time
             * @description After a rotation: until then deliveries carry a signature by the previous secret too
             */
            previous_secret_expires_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @example {
         *       "url": "https://hooks.example.com/guddu",
         *       "events": [
         *         "post.published",
         *         "post.failed"
         *       ]
         *     }
         */
        CreateWebhookEndpointRequest: {
            /**
             * Format: uri
             * @description Where deliveries are POSTed: https with a public host name (no IP address, no localhost, private, link-local or metadata name, no user name or password), else 400 `webhook_url_not_allowed`. Redirects are not followed.
             * @example https://hooks.example.com/guddu
             */
            url: string;
            /**
             * @description The event types delivered to this endpoint, each at most once
             * @example [
             *       "post.published",
             *       "post.failed"
             *     ]
             */
            events: components["schemas"]["WebhookEventType"][];
            /** @example Our CRM */
            description?: string | null;
            /** @description Default true */
            enabled?: boolean;
        };
        WebhookEndpointList: {
            data: components["schemas"]["WebhookEndpoint"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        /**
         * @example {
         *       "enabled": true
         *     }
         */
        UpdateWebhookEndpointRequest: {
            /**
             * Format: uri
             * @description Where deliveries are POSTed: https with a public host name (no IP address, no localhost, private, link-local or metadata name, no user name or password), else 400 `webhook_url_not_allowed`. Redirects are not followed.
             * @example https://hooks.example.com/guddu
             */
            url?: string;
            /**
             * @description The event types delivered to this endpoint, each at most once
             * @example [
             *       "post.published",
             *       "post.failed"
             *     ]
             */
            events?: components["schemas"]["WebhookEventType"][];
            /** @example Our CRM */
            description?: string | null;
            /** @description true enables a disabled endpoint again; its waiting deliveries then go out */
            enabled?: boolean;
        };
        WebhookDelivery: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            webhook_endpoint_id: string;
            /**
             * Format: uuid
             * @description The `webhook-id` header of every attempt (and replay) of it
             */
            event_id: string;
            /** @example post.published */
            event_type: string;
            /**
             * @description `pending` (waiting for its turn), `queued` (sent to the queue, or waiting for its next retry), `sending`, `succeeded`, `failed` (gave up)
             * @enum {string}
             */
            status: "pending" | "queued" | "sending" | "succeeded" | "failed";
            attempts: number;
            /** @description The JSON body every attempt sent (and signed) */
            request_body: string;
            /** @description The last attempt's HTTP status */
            response_status: number | null;
            /** @description The first 1,000 characters of the last attempt's answer */
            response_body: string | null;
            /** @description Why the last attempt failed when no status says it (timeout, redirect, address) */
            error: string | null;
            /** @description How long the last attempt took */
            duration_ms: number | null;
            /**
             * Format: date-time
             * @description When it is tried next; null once finished
             */
            next_attempt_at: string | null;
            /** Format: date-time */
            last_attempt_at: string | null;
            /** Format: date-time */
            delivered_at: string | null;
            /**
             * Format: uuid
             * @description The delivery this one replays
             */
            replay_of: string | null;
            /** Format: date-time */
            created_at: string;
        };
        WebhookDeliveryList: {
            data: components["schemas"]["WebhookDelivery"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        Dashboard: {
            scope: {
                /** @enum {string} */
                type: "event" | "campaign" | "content" | "published_post" | "social_account" | "organization";
                /** Format: uuid */
                id: string | null;
            };
            /** @example Africa/Nairobi */
            time_zone: string;
            /** @enum {string} */
            bucket: "hour" | "day" | "week";
            /** @description Published posts in the scope */
            posts: number;
            /** @description Each post's latest measurement, summed */
            totals: {
                /** @description Views as the platform counts them (Instagram/Threads `views`, Facebook `post_media_view`, X and LinkedIn impressions); null where the platform gives none (Bluesky) */
                impressions: number | null;
                /** @description Accounts reached, summed per post (an account reached by two posts counts twice) */
                reach: number | null;
                /** @description Likes and reactions */
                likes: number | null;
                /** @description Replies and comments */
                comments: number | null;
                /** @description Reposts, quotes and shares */
                shares: number | null;
                /** @description Saves and bookmarks */
                saves: number | null;
                /** @description Link clicks */
                clicks: number | null;
                /** @description likes + comments + shares + saves + clicks, of those the platforms give */
                interactions: number | null;
                /** @description interactions ÷ impressions over the posts whose platform gives impressions (0.0512 = 5.12%); null without impressions */
                engagement_rate: number | null;
            };
            /** @description What the posts gained in each bucket that has measurements, oldest first */
            series: {
                /** Format: date-time */
                bucket_start: string;
                /** @description Views as the platform counts them (Instagram/Threads `views`, Facebook `post_media_view`, X and LinkedIn impressions); null where the platform gives none (Bluesky) */
                impressions: number | null;
                /** @description Accounts reached, summed per post (an account reached by two posts counts twice) */
                reach: number | null;
                /** @description Likes and reactions */
                likes: number | null;
                /** @description Replies and comments */
                comments: number | null;
                /** @description Reposts, quotes and shares */
                shares: number | null;
                /** @description Saves and bookmarks */
                saves: number | null;
                /** @description Link clicks */
                clicks: number | null;
                /** @description likes + comments + shares + saves + clicks, of those the platforms give */
                interactions: number | null;
                /** @description interactions ÷ impressions over the posts whose platform gives impressions (0.0512 = 5.12%); null without impressions */
                engagement_rate: number | null;
            }[];
            platforms: {
                /** @enum {string} */
                platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                posts: number;
                /** @description Views as the platform counts them (Instagram/Threads `views`, Facebook `post_media_view`, X and LinkedIn impressions); null where the platform gives none (Bluesky) */
                impressions: number | null;
                /** @description Accounts reached, summed per post (an account reached by two posts counts twice) */
                reach: number | null;
                /** @description Likes and reactions */
                likes: number | null;
                /** @description Replies and comments */
                comments: number | null;
                /** @description Reposts, quotes and shares */
                shares: number | null;
                /** @description Saves and bookmarks */
                saves: number | null;
                /** @description Link clicks */
                clicks: number | null;
                /** @description likes + comments + shares + saves + clicks, of those the platforms give */
                interactions: number | null;
                /** @description interactions ÷ impressions over the posts whose platform gives impressions (0.0512 = 5.12%); null without impressions */
                engagement_rate: number | null;
            }[];
            top_posts: {
                /** Format: uuid */
                published_post_id: string;
                /** Format: uuid */
                content_id: string;
                /** @enum {string} */
                platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                url: string | null;
                /** Format: date-time */
                published_at: string;
                caption: string | null;
                /** @description Views as the platform counts them (Instagram/Threads `views`, Facebook `post_media_view`, X and LinkedIn impressions); null where the platform gives none (Bluesky) */
                impressions: number | null;
                /** @description Accounts reached, summed per post (an account reached by two posts counts twice) */
                reach: number | null;
                /** @description Likes and reactions */
                likes: number | null;
                /** @description Replies and comments */
                comments: number | null;
                /** @description Reposts, quotes and shares */
                shares: number | null;
                /** @description Saves and bookmarks */
                saves: number | null;
                /** @description Link clicks */
                clicks: number | null;
                /** @description likes + comments + shares + saves + clicks, of those the platforms give */
                interactions: number | null;
                /** @description interactions ÷ impressions over the posts whose platform gives impressions (0.0512 = 5.12%); null without impressions */
                engagement_rate: number | null;
            }[];
            /** @description Campaigns only: progress against `kpi_targets` */
            kpis?: components["schemas"]["KpiProgress"][];
            /** Format: date-time */
            generated_at: string;
        };
        KpiProgress: {
            /** @enum {string} */
            metric: "impressions" | "reach" | "engagements" | "posts" | "clicks" | "followers_gained" | "engagement_rate";
            target: number;
            /** @description Now; null for what is not measured (followers_gained) */
            value: number | null;
            /** @description value ÷ target × 100 */
            percent: number | null;
            /** @description At the end date at this pace (counts grow linearly from the start date; a rate stays as it is); the value once the campaign has ended */
            projected: number | null;
            on_track: boolean | null;
        };
        EventIntelligence: {
            /** Format: uuid */
            event_id: string;
            time_zone: string;
            /** @enum {string} */
            bucket: "hour" | "day";
            totals: {
                items: number;
                positive: number;
                neutral: number;
                negative: number;
                /** @description In a language the analyser cannot judge */
                unknown: number;
                /** @description Mean score of the judged items, in [-1, 1] */
                mean_score: number | null;
            };
            timeline: {
                /** Format: date-time */
                bucket_start: string;
                positive: number;
                neutral: number;
                negative: number;
                unknown: number;
                /** @description In [-1, 1] */
                mean_score: number | null;
                /** @description Negative ÷ judged (positive, neutral, negative) */
                negative_share: number | null;
            }[];
            alerts: {
                /** Format: date-time */
                window_start: string;
                items: number;
                /** @description At the alert */
                negative_share: number | null;
            }[];
            hashtags: {
                hashtag: string;
                items: number;
                authors: number;
                /** @description Items from brand-new or small accounts ÷ items */
                new_or_small_share: number | null;
                flooded_items: number;
                floods: {
                    text: string;
                    accounts: number;
                }[];
                /** @description In the last hours */
                recent_negative_share: number | null;
                /** @description Before them, in the range */
                earlier_negative_share: number | null;
                hijacked: boolean;
            }[];
            delegates: {
                /** Format: uuid */
                delegate_id: string;
                name: string;
                mentions: number;
                /** @description In [-1, 1] */
                mean_score: number | null;
                /** @description Negative ÷ judged */
                negative_share: number | null;
            }[];
            /** Format: date-time */
            generated_at: string;
        };
        /** @description What a closure removed, and when; no personal data. Final once status is purged. */
        OrganizationClosureReceipt: {
            /** @enum {string} */
            format: "guddu-closure-receipt";
            format_version: number;
            /** Format: uuid */
            receipt_id: string;
            /** Format: uuid */
            organization_id: string;
            /** @enum {string} */
            status: "pending" | "cancelled" | "purging" | "purged";
            grace_days: number;
            /** Format: date-time */
            requested_at: string;
            /** Format: date-time */
            purge_after: string;
            /** Format: date-time */
            cancelled_at: string | null;
            /** Format: date-time */
            purge_started_at: string | null;
            /** Format: date-time */
            purged_at: string | null;
            rows: {
                total: number;
                by_table: {
                    [key: string]: number;
                };
            };
            objects: {
                total: number;
                /** @description media, exports, archives (retention), kept_webhook_deliveries, multipart_uploads */
                by_kind: {
                    [key: string]: number;
                };
            };
            platform_tokens: {
                revoked: number;
                /** @description The platform said they no longer worked */
                invalid: number;
                failed: number;
                /** @description The platform offers no way to revoke them */
                unsupported: number;
                accounts: {
                    /** Format: uuid */
                    social_account_id: string;
                    /** @enum {string} */
                    platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
                    /** @enum {string} */
                    outcome: "revoked" | "invalid" | "failed" | "unsupported";
                    error_kind?: string;
                    error_code?: string | null;
                }[];
            };
        };
        PublicEvent: {
            /** @description Moves on with every change readers can see */
            version: number;
            event: {
                name: string;
                /** Format: date-time */
                start_date: string;
                /** Format: date-time */
                end_date: string;
                /** @example Africa/Nairobi */
                timezone: string;
                hashtags: string[];
                /**
                 * @example {
                 *       "x": "@AESummit"
                 *     }
                 */
                handles: {
                    [key: string]: string;
                };
            };
            /** @description The live channel (WebSocket) */
            live_url: string;
        };
        WallPage: {
            version: number;
            data: components["schemas"]["WallItem"][];
            next_cursor: string | null;
        };
        WallItem: {
            /**
             * @description Platform and its own id
             * @example x:1900000000000000001
             */
            id: string;
            /** @enum {string} */
            platform: "bluesky" | "x" | "facebook" | "instagram" | "linkedin" | "threads";
            /** @enum {string} */
            kind: "mention" | "reply" | "comment" | "quote" | "repost" | "hashtag" | "post";
            /** @description The organisation's own published post */
            official: boolean;
            url: string | null;
            text: string | null;
            author: {
                handle: string | null;
                name: string | null;
                /** @description Through the API's own origin */
                avatar_url: string | null;
            };
            media: {
                url: string;
                alt: string | null;
            }[];
            /** Format: date-time */
            posted_at: string;
            pinned: boolean;
        };
        PublicAgenda: {
            timezone: string;
            now: components["schemas"]["PublicPhase"];
            next: components["schemas"]["PublicPhase"];
            phases: components["schemas"]["PublicPhase"][];
        };
        PublicPhase: {
            name: string;
            description: string | null;
            /** Format: date-time */
            starts_at: string | null;
            /** Format: date-time */
            ends_at: string | null;
        } | null;
        PublicSpeakers: {
            data: {
                /** @example H.E. Amina Odhiambo */
                name: string;
                designation: string | null;
                organization: string | null;
                country: string | null;
                type: string;
                /**
                 * @example {
                 *       "x": "@AESummit"
                 *     }
                 */
                handles: {
                    [key: string]: string;
                };
                photo_url: string | null;
            }[];
        };
        PublicCounters: {
            posts_published: number;
            wall_items: number;
            campaigns: {
                name: string;
                posts_published: number;
            }[];
        };
    };
    responses: never;
    parameters: {
        /** @description Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409. */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
