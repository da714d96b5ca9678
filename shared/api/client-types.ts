// Generated from openapi.json by `npm run client:types` (openapi-typescript): do not edit.
/* eslint-disable */
export type paths = {
    "/events/catalogue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List every canonical event with its JSON Schema
         * @description The events the platform publishes on its EventBridge bus, each with the JSON Schema (draft 2020-12) of its detail and an example. Cacheable for five minutes.
         *
         *     Public: The events catalogue is public documentation for integrators: schemas only, no shop data.
         */
        get: operations["getEventCatalogue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get this OpenAPI document
         * @description The OpenAPI 3.1 document of the whole API, generated from the same zod definitions the handlers validate with.
         *
         *     Public: API documentation for integrators: no shop data.
         */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/shopify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a Shopify webhook
         * @description Subscribe in JSON format to orders/*, fulfillments/*, refunds/create and customers/update. Signed with the shop's webhook secret (base64 HMAC-SHA256 of the raw body). Answers within milliseconds; mapping to orders, shipments, refunds and customers happens behind a queue. Retries of a delivery are recognised and acknowledged as `duplicate`.
         *
         *     Authenticated by the storefront signature (HMAC with the shop webhook secret), not by a token.
         */
        post: operations["receiveShopifyWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/woocommerce": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a WooCommerce webhook
         * @description One webhook per order topic (created, updated, deleted, restored), API version 3. A new webhook's unsigned form-encoded ping is answered `pong`. Answers within milliseconds; mapping to orders, shipments, refunds and customers happens behind a queue. Retries of a delivery are recognised and acknowledged as `duplicate`.
         *
         *     Authenticated by the storefront signature (HMAC with the shop webhook secret), not by a token.
         */
        post: operations["receiveWooCommerceWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/generic": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a signed generic webhook
         * @description For storefronts without a connector: our envelope `{id, type, occurredAt, data}` with `data` in the normalized model, signed with the shop's secret (see shared/storefronts/GENERIC.md). Answers within milliseconds; mapping to orders, shipments, refunds and customers happens behind a queue. Retries of a delivery are recognised and acknowledged as `duplicate`.
         *
         *     Authenticated by the storefront signature (HMAC with the shop webhook secret), not by a token.
         */
        post: operations["receiveGenericWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/carriers/{shopId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a return parcel tracking update
         * @description For label providers and carriers (or a tracking aggregator): the news of a return parcel, signed like the generic webhook with the shop’s webhook secret. The first scan of a return waiting for its parcel moves it to `in_transit` (`ReturnShipped`; reminders and expiry stop); later news is kept on its history. `delivered` means it reached the warehouse, which still records the receipt. Repeats, and news the parcel is already past, change nothing.
         *
         *     Authenticated by the storefront signature (HMAC with the shop webhook secret), not by a token.
         */
        post: operations["receiveCarrierTracking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List orders
         * @description Orders of a shop, newest first unless sorted otherwise, filtered by status, customer and creation time.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["listOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/orders/{orderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an order
         * @description The order with its lines, totals, fulfillments and refunds, as normalized from the storefront.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/orders/{orderId}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the timeline of an order
         * @description Every canonical event naming the order (placed, shipped, returned, refunded, messages), oldest first.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["getOrderTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customers
         * @description Customers of a shop, optionally only those with an email address, a phone number, or who placed an order with a number (give at most one). By phone, the filter applies to each page read, so a page may hold fewer than `limit`: follow `nextCursor`.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["listCustomers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/customers/{customerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a customer
         * @description Contact details, marketing consent and order totals (each order and refund counted once).
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["getCustomer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the health of the deployment
         * @description Dead letters waiting for ops, and how many messages wait in each dead-letter queue of the stack; `attention` when any does.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["getOpsHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List dead letters
         * @description Quarantined webhook deliveries and messages a consumer gave up on, newest first; open ones unless `status` says otherwise.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["listDeadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/dead-letters/{deadLetterId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Inspect a dead letter
         * @description The dead letter with its payload and what the storefront or AWS recorded about its failure.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["getDeadLetter"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/dead-letters/{deadLetterId}/redrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-drive a dead letter
         * @description Puts the delivery or message back where it failed, once: re-driving it again answers `already_redriven`. The reason goes to the audit trail.
         *
         *     Requires an ops bearer token with the `agent` role or higher (viewer < agent < supervisor < admin).
         */
        post: operations["redriveDeadLetter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/dead-letters/{deadLetterId}/discard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Discard a dead letter
         * @description Closes a dead letter without re-driving it; it stays readable with `status=discarded`. The reason goes to the audit trail.
         *
         *     Requires an ops bearer token with the `agent` role or higher (viewer < agent < supervisor < admin).
         */
        post: operations["discardDeadLetter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit records
         * @description What ops did, newest first: for one subject (an order, case, customer, dead letter...) or for the whole shop.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["listAuditRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the messages of a customer or of a case
         * @description The delivery log: each message with its history (requested, suppressed and why, deferred, sent, failed), newest first.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show the unsubscribe page
         * @description The page the unsubscribe link opens: it asks for confirmation (a GET never unsubscribes, since mail scanners follow links).
         *
         *     Public: The signed token in the link the customer received is the credential (one shop, one channel, one address); no sign-in is required to unsubscribe.
         */
        get: operations["getUnsubscribePage"];
        put?: never;
        /**
         * Unsubscribe from marketing (one click)
         * @description RFC 8058 one-click unsubscribe, as mail providers post it (`List-Unsubscribe=One-Click`), and the confirmation form. Idempotent.
         *
         *     Public: The signed token in the link the customer received is the credential (one shop, one channel, one address); no sign-in is required to unsubscribe.
         */
        post: operations["unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the preferences of the address a link was sent to
         * @description Public: The signed token in the link the customer received is the credential (one shop, one channel, one address); no sign-in is required to unsubscribe.
         */
        get: operations["getNotificationPreferences"];
        /**
         * Opt in to or out of marketing for the address a link was sent to
         * @description Opting in here counts as consent for this address and channel, whatever the storefront says; opting out always wins.
         *
         *     Public: The signed token in the link the customer received is the credential (one shop, one channel, one address); no sign-in is required to unsubscribe.
         */
        put: operations["updateNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with an order number and its email
         * @description Opens a one-hour customer session for the email on the order. An unknown order and a wrong email are refused alike, so the route cannot be used to discover orders.
         *
         *     Public: Customers sign in here with their order number and the email on the order; no token exists yet.
         */
        post: operations["createCustomerSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customer/orders/{orderNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one of my orders
         * @description An order placed with the session’s email at the session’s shop: lines, totals, parcels with tracking, refunds.
         *
         *     Requires a customer session token from POST /customer/sessions; customers see only their own orders.
         */
        get: operations["getCustomerOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/surveys/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show the survey answer page
         * @description The page a rating link opens: the chosen score (or a choice of scores), a comment box and a button that posts the answer. Opening it records nothing, since mail scanners follow links.
         *
         *     Public: The signed token in the survey link the customer received is the credential (one shop, one survey, 30 days); customers do not sign in to answer.
         */
        get: operations["getSurveyAnswerPage"];
        put?: never;
        /**
         * Answer a satisfaction survey
         * @description Records the score and optional comment. The first answer wins; a later one only adds a comment when there is none. A score of 1 or 2 opens a high-priority follow-up case and alerts the shop’s duty team. The answer page posts the same fields form-encoded (`application/x-www-form-urlencoded`) and then gets an HTML page back.
         *
         *     Public: The signed token in the survey link the customer received is the credential (one shop, one survey, 30 days); customers do not sign in to answer.
         */
        post: operations["answerSurvey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/surveys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List survey responses
         * @description Answered satisfaction surveys of a shop, newest first, by flow, agent and score (`maxScore=2` lists the unhappy ones).
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["listSurveyResponses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List follow-up cases
         * @description The cases low survey scores (1 or 2) opened, of one status (open by default). Every case has the same SLA from its opening, so `sla` lists the oldest first. The customer filter applies to each page read, so a page may hold fewer than `limit`: follow `nextCursor`.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["listFollowUpCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/follow-ups/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a follow-up case
         * @description The case with its survey answer, timeline and SLA.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["getFollowUpCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/follow-ups/{caseId}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve a follow-up case
         * @description Closes an open case with its outcome and a reason, and publishes `CaseResolved` (the customer’s marketing is no longer held back by the open complaint). With `expectedVersion`, only if the case is still at that version.
         *
         *     Requires an ops bearer token with the `agent` role or higher (viewer < agent < supervisor < admin).
         */
        post: operations["resolveFollowUpCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Request a return
         * @description The order number and the email on the order identify the customer, as at portal sign-in; `shopId` may be left out when only one shop of the deployment has an order with this number and email (else 400 asks for it). Each line is decided by the shop’s return policy; when every line is accepted the return is approved at once (201). When any line is refused nothing is created and the answer is 422: `errors` names each refused line (`body.lines[i]`) as `<rule>: <message in the customer’s language>`, and `detail` names the first rule.
         *
         *     Public: Customers request a return with their order number and the email on the order, which authenticate them as at portal sign-in.
         */
        post: operations["createReturn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/returns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one of my returns
         * @description A return of the session’s shop requested with the session’s email.
         *
         *     Requires a customer session token from POST /customer/sessions; customers see only their own orders.
         */
        get: operations["getReturn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/returns/{id}/shipment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tell us the return parcel is on its way
         * @description The customer gives the tracking number of the parcel they sent. An approved return becomes `awaiting_shipment` and reminders stop; the ship-by date stays, and the carrier’s first scan moves the return to `in_transit`. Giving the same number again changes nothing; another number replaces it.
         *
         *     Requires a customer session token from POST /customer/sessions; customers see only their own orders.
         */
        post: operations["recordReturnShipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List return cases
         * @description The shop’s return cases, newest first, or by `sort` (every case of a shop has the same handling SLA from its creation, so `sla` reads oldest first). Filters apply to each page read, so a page may hold fewer than `limit`: follow `nextCursor`. Each case carries its customer’s tier.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["listReturns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/returns/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a return case
         * @description The case with its history, owner, timers and SLA flag.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["getReturnCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/returns/{caseId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a return
         * @description Approves a requested return (agent), or overrides a rejection (supervisor, with a reason). With `expectedVersion`, only if the case is still at that version.
         *
         *     Requires an ops bearer token with the `agent` role or higher (viewer < agent < supervisor < admin).
         */
        post: operations["approveReturn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/returns/{caseId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a return
         * @description Rejects a requested return; the reason is sent to the customer and kept in the audit trail.
         *
         *     Requires an ops bearer token with the `agent` role or higher (viewer < agent < supervisor < admin).
         */
        post: operations["rejectReturn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/returns/{caseId}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that the return arrived
         * @description The parcel reached the warehouse (also without a tracked shipment): reminders and expiry stop.
         *
         *     Requires an ops bearer token with the `agent` role or higher (viewer < agent < supervisor < admin).
         */
        post: operations["recordReturnReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/returns/{caseId}/inspection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the inspection of a return
         * @description One condition per line of the return; damaged, defective, wrong or missing items are written off (`restock: false`).
         *
         *     Requires an ops bearer token with the `agent` role or higher (viewer < agent < supervisor < admin).
         */
        post: operations["recordInspection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/returns/{caseId}/reassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reassign a return
         * @description Gives the case to another agent, with a reason for the audit trail.
         *
         *     Requires an ops bearer token with the `agent` role or higher (viewer < agent < supervisor < admin).
         */
        post: operations["reassignReturn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/returns/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the return policy
         * @description The return policy the shop decides return requests with, its version (0 while the shop has published none and the default applies) and who published it.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["getReturnPolicy"];
        /**
         * Publish a return policy
         * @description Publishes `policy` as the next version, only if the shop is still at `expectedVersion`: a request decided from then on uses it. Every version is kept, and the publication is in the audit trail (subject `policy` `returns`) with the settings it changed and the reason. The policy’s own `version` is set to the version published.
         *
         *     Requires an ops bearer token with the `supervisor` role or higher (viewer < agent < supervisor < admin).
         */
        put: operations["updateReturnPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/returns/policy/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Try a draft return policy
         * @description Decides each line of the shop’s latest orders (newest first, `orders` of them) under the policy in effect and under the draft, as of now and counting the units already in returns, and lists the lines decided differently: before, after and the refusal rules. Nothing is written.
         *
         *     Requires an ops bearer token with the `supervisor` role or higher (viewer < agent < supervisor < admin).
         */
        post: operations["dryRunReturnPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/refunds/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List refund decisions waiting for review
         * @description The shop’s refund decisions waiting for a person (manual review, or supervisor approval), oldest first (`sla`: the longest waiting first), or by customer tier (`tier`: highest first on each page read, then the longest waiting).
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["listRefundReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/refunds/{decisionId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide a refund under review
         * @description Approves what the engine proposed, overrides it with another resolution (supervisor), denies it, or retries a failed decision (supervisor); a decision above the supervisor threshold needs a supervisor for any action. The reason is required and kept with the decision and in the audit trail (subject `refund` with the decision’s `refundId`). An approval is executed at once: the refund saga runs it (RefundDecided).
         *
         *     Requires an ops bearer token with the `agent` role or higher (viewer < agent < supervisor < admin).
         */
        post: operations["decideRefund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/orders/{orderId}/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an order’s refund ledger
         * @description What was paid, refunded and credited on the order, every movement (ours and the storefront’s), and the refund decisions on it.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["getOrderLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/refunds/{decisionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Explain a refund decision
         * @description The whole decision: what the engine decided and why (every rule, fired or not, with its inputs, and the rule set’s version), the options offered, the status and outcome, the saga’s steps, any failure, and its history.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["getDecisionExplanation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a parcel that did not arrive whole
         * @description For an order placed with the session’s email: not delivered, damaged in transit, wrong item or missing item. Accepted at once (202) and decided shortly after; when there is a choice of resolutions, the customer gets a message listing them and reads them at `statusUrl`.
         *
         *     Requires a customer session token from POST /customer/sessions; customers see only their own orders.
         */
        post: operations["fileParcelClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/claims/{decisionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read my claim’s options
         * @description The decision on one of the session customer’s parcel claims: the options, the recommended one, until when to choose, and the choice once made.
         *
         *     Requires a customer session token from POST /customer/sessions; customers see only their own orders.
         */
        get: operations["getClaimOffer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/claims/{decisionId}/choice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Choose how my claim is settled
         * @description Picks one of the offered options. Once chosen it is executed (a refund, store credit, a replacement) or, when the shop’s rules ask for it, checked by a person first. A choice is made once: choosing again answers 409 naming the first choice.
         *
         *     Requires a customer session token from POST /customer/sessions; customers see only their own orders.
         */
        post: operations["chooseClaimResolution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/orders/{orderId}/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * File a parcel claim for a customer
         * @description An agent files a claim (e.g. after a phone call), with a reason kept in the audit trail. Decided like a customer’s claim, without asking the customer to choose: the engine’s recommendation is taken, or a person reviews it.
         *
         *     Requires an ops bearer token with the `agent` role or higher (viewer < agent < supervisor < admin).
         */
        post: operations["fileOpsParcelClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/refunds/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the refund rules
         * @description The refund rules the shop decides refunds with, their version (0 while the shop has published none and the default applies) and who published them.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["getRefundRules"];
        /**
         * Publish refund rules
         * @description Publishes `rules` as the next version, only if the shop is still at `expectedVersion`: a refund decided from then on uses them. Every version is kept, and the publication is in the audit trail (subject `policy` `refunds`) with the rules it changed and the reason. The rules’ own `version` is set to the version published; each decision names it.
         *
         *     Requires an ops bearer token with the `supervisor` role or higher (viewer < agent < supervisor < admin).
         */
        put: operations["updateRefundRules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/refunds/rules/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Try draft refund rules
         * @description Decides again the refund of every inspected return among the shop’s latest orders (newest first, `orders` of them), under the rules in effect and under the draft, from what the decision step reads (the order, its ledger, the customer’s history, the return policy) as of now, and lists the decisions taken differently: before, after and the rules that fired. Nothing is written.
         *
         *     Requires an ops bearer token with the `supervisor` role or higher (viewer < agent < supervisor < admin).
         */
        post: operations["dryRunRefundRules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/campaigns/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the campaign settings
         * @description The shop’s replenishment cycles, win-back sequence, VIP tiers, suppression rules and attribution window, their version (0 while the shop has published none and the defaults apply) and who published them.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["getCampaignSettings"];
        /**
         * Publish campaign settings
         * @description Publishes `settings` as the next version, only if the shop is still at `expectedVersion`: nudges planned or sent from then on use them. Every version is kept, and the publication is in the audit trail (subject `policy` `campaigns`) with the settings it changed and the reason.
         *
         *     Requires an ops bearer token with the `supervisor` role or higher (viewer < agent < supervisor < admin).
         */
        put: operations["updateCampaignSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/campaigns/settings/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Try draft campaign settings
         * @description Previews the nudges from now (or `from`) over the next `days` under the draft, as `previewNudges` does under the settings in effect (each nudge with its channel or suppression reasons), and compares the count to send with the settings in effect. Decided with today’s facts; nothing is sent or written.
         *
         *     Requires an ops bearer token with the `supervisor` role or higher (viewer < agent < supervisor < admin).
         */
        post: operations["dryRunCampaignSettings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/campaigns/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Preview the coming nudges
         * @description Who would be nudged from now (or `from`) over the next `days`, under the settings in effect: replenishments whose cycle ends, win-back steps falling due, each with the channel it would go out on, or the suppression reason (and every rule that applies). Decided with today’s facts: a case that closes before then changes the outcome. Nothing is sent or written.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["previewNudges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/campaigns/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get campaign results
         * @description The nudges sent in the period and the orders they brought back: an order is attributed to the latest nudge sent to the customer before it, when placed within the attribution window; cancelled and wholly refunded orders are not. Conversion and revenue (net of refunds, per currency) in total and by campaign, product and tier.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["getCampaignResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/delays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List delayed orders
         * @description The shop’s orders with an open delay, oldest detection first. The filters apply to each page read (an order matches `reason` or `severity` when one of its open delays does), so a page may hold fewer than `limit`: follow `nextCursor`.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["listDelayedOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/delays/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Delay measures
         * @description Over the orders placed in [`from`, `to`) (default: the 30 days before now; at most 366 days): how many were delayed (open or resolved delays), the share whose customer heard from us first, the time from detection to the first notice, and the delay rate per carrier and destination (delayed orders over the orders of the period that shipped or were delayed). A customer’s first contact is their own parcel claim or return request on the order, or a helpdesk ticket naming it (`receiveHelpdeskTicket`), while the order was late or on its way.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["getDelayMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/delays/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the delay settings
         * @description The settings the shop’s delay flow runs with (ship-by and deliver-by deadlines, stalled tracking, severity, which delays the customer is told about, the ladder and the courtesy discount), their version (0 while none was published here: the shop config’s settings, else the defaults) and who published them.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["getDelaySettings"];
        /**
         * Publish delay settings
         * @description Publishes `settings` as the next version, only if the shop is still at `expectedVersion`; from then on they take over from the shop config. The shop’s latest 1,000 orders awaiting shipment or in transit (those a dry run reads) are then re-planned under them within seconds: their deadlines and timers move as the dry run showed; an older open order follows them from its next order, shipment or timer event. Every version is kept, and the publication is in the audit trail (subject `policy` `delays`) with the settings it changed and the reason.
         *
         *     Requires an ops bearer token with the `supervisor` role or higher (viewer < agent < supervisor < admin).
         */
        put: operations["updateDelaySettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/delays/settings/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Try draft delay settings
         * @description Computes the deadlines of the shop’s open orders among its latest (`orders` of them, newest first) under the settings in effect and under the draft, from the same order state, and lists the orders whose ship-by, deliver-by, stalled-tracking time, lateness as of now or next ladder step differ. Nothing is written.
         *
         *     Requires an ops bearer token with the `supervisor` role or higher (viewer < agent < supervisor < admin).
         */
        post: operations["dryRunDelaySettings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/helpdesk/{shopId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a helpdesk ticket
         * @description For the shop’s helpdesk (a webhook on ticket creation, or a small relay in front of it), signed like the generic webhook with the shop’s webhook secret. A ticket naming an order the delay flow watches, while that order is late or on its way, records when the customer first contacted the shop: the “told first” measure of `getDelayMetrics`. Only the earliest contact counts; repeats change nothing.
         *
         *     Authenticated by the storefront signature (HMAC with the shop webhook secret), not by a token.
         */
        post: operations["receiveHelpdeskTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * KPIs of a shop over a period
         * @description Satisfaction against the 95% target, return rate and reasons, refund cycle time, first response and resolution time against SLA, delays told first, and nudges, over the UTC days from `from` to `to` (default: the 30 days before now; at most 366 days). The figures are sums of per-shop, per-day counters (state table `KPI#<shopId>` / `<YYYY-MM-DD>`, UTC) kept up to date from the events, so a partial first or last day counts whole, and a duration counts on the day its step ended. Each figure names in `drillDown` the ops operation and query that list the records behind it; `daily` carries the raw counters of every day for charts and CSV export.
         *
         *     Requires an ops bearer token with the `viewer` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["getKpis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/privacy-exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customer data exports
         * @description The exports gathered for the shop’s customer data requests, newest first. They expire 30 days after the request.
         *
         *     Requires an ops bearer token with the `supervisor` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["listPrivacyExports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/privacy-exports/{exportId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a customer data export
         * @description Everything we held about the customer when their data request arrived: orders, returns, refunds, messages, surveys, raw webhooks (decoded), timeline entries.
         *
         *     Requires an ops bearer token with the `supervisor` role or higher (viewer < agent < supervisor < admin).
         */
        get: operations["getPrivacyExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        EventCatalogue: {
            events: components["schemas"]["EventCatalogueEntry"][];
        };
        EventCatalogueEntry: {
            /** @description EventBridge source, `aftersales.<context>` */
            source: string;
            /** @description EventBridge detail-type, unique across the catalogue */
            detailType: string;
            /** @description Version of the detail schema */
            version: number;
            description: string;
            /** @description JSON Schema (draft 2020-12) of the detail, with an example */
            schema: {
                [key: string]: unknown;
            };
        };
        /** @description RFC 9457 problem details */
        ProblemDetails: {
            /** @description URI reference identifying the problem type; `about:blank` when the status says it all */
            type: string;
            /** @description Short summary of the problem type (the HTTP reason phrase) */
            title: string;
            /** @description The HTTP status code */
            status: number;
            /** @description What went wrong with this request, for humans */
            detail: string;
            /** @description The request path the problem occurred on */
            instance?: string;
            /** @description Quote it when reporting a problem: it finds the request in the logs */
            requestId: string;
            /** @description Each invalid field, for validation failures (400) */
            errors?: {
                /** @description The offending field: `params.orderId`, `query.limit`, `body.reason` */
                path: string;
                /** @description What is wrong with it */
                message: string;
            }[];
        };
        OpenApiDocument: {
            [key: string]: unknown;
        };
        WebhookAck: {
            /**
             * @description `accepted`: stored and queued; `duplicate`: a retry of a stored delivery; `pong`: a WooCommerce ping
             * @enum {string}
             */
            status: "accepted" | "duplicate" | "pong";
            /** @description Where the delivery is kept, for ops (absent for pings) */
            deliveryKey?: string;
        };
        /** @description The storefront resource as the storefront sends it */
        StorefrontPayload: {
            [key: string]: unknown;
        };
        /** @description Our signed envelope; `data` is the normalized model (see GENERIC.md) */
        GenericWebhookEnvelope: {
            /** @description Unique id of the event: retries of the same event reuse it */
            id: string;
            /** @enum {string} */
            type: "order.placed" | "order.updated" | "order.cancelled" | "shipment.created" | "shipment.updated" | "shipment.delivered" | "refund.recorded" | "customer.updated";
            /**
             * Format: date-time
             * @description When it happened on the storefront (UTC)
             */
            occurredAt: string;
            /** @description The order, shipment, refund or customer, in the normalized model */
            data: {
                [key: string]: unknown;
            };
        };
        CarrierTrackingAck: {
            /**
             * @description `applied`: the return moved or its history grew; `ignored`: nothing to do (unknown number, repeat, or a step already past)
             * @enum {string}
             */
            status: "applied" | "ignored";
            /** @description Opaque id (storefront or platform generated) */
            returnId?: string;
            /** @enum {string} */
            returnStatus?: "requested" | "approved" | "rejected" | "awaiting_shipment" | "in_transit" | "received" | "inspected" | "resolved" | "cancelled" | "expired";
            /** @description Why it was ignored */
            detail?: string;
        };
        CarrierTrackingUpdate: {
            /** @description As printed on the label or receipt; case and spaces do not matter */
            trackingNumber: string;
            /** @description The carrier: ups, usps, dhl_express, colissimo... */
            carrierCode?: string;
            /** @enum {string} */
            status: "label_scanned" | "in_transit" | "out_for_delivery" | "delivered" | "exception" | "returned_to_sender";
            /**
             * Format: date-time
             * @description When the carrier saw it
             */
            occurredAt: string;
            /** @description The carrier’s own words, kept on the case history */
            description?: string;
        };
        /** @description One page of results, in the requested order */
        OrderPage: {
            items: components["schemas"]["OrderSummary"][];
            /** @description Pass as `cursor` for the next page; absent on the last page */
            nextCursor?: string;
        };
        OrderSummary: {
            /** @description Platform id of the shop (tenant) */
            shopId: string;
            /** @description Opaque id (storefront or platform generated) */
            orderId: string;
            orderNumber: string;
            /** @enum {string} */
            platform: "shopify" | "woocommerce" | "generic";
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            sourceUpdatedAt: string;
            /** @description Opaque id (storefront or platform generated) */
            customerId?: string;
            /** Format: email */
            customerEmail?: string;
            currency: string;
            /** @description What the customer was charged at checkout */
            total: {
                /** @description Amount in the minor unit of the currency (e.g. cents) */
                amount: number;
                /** @description ISO 4217 currency code */
                currency: string;
            };
            /** @enum {string} */
            financialStatus: "pending" | "authorized" | "paid" | "partially_paid" | "partially_refunded" | "refunded" | "voided";
            /** @enum {string} */
            fulfillmentStatus: "unfulfilled" | "partially_fulfilled" | "fulfilled";
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            cancelledAt?: string;
        };
        /** @description An order with its fulfillments and refunds, in the normalized model */
        Order: {
            order: {
                /** @description Platform id of the shop (tenant) */
                shopId: string;
                /** @enum {string} */
                platform: "shopify" | "woocommerce" | "generic";
                /** @description Opaque id (storefront or platform generated) */
                orderId: string;
                orderNumber: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                createdAt: string;
                /**
                 * Format: date-time
                 * @description Storefront modification time: orders the updates
                 */
                sourceUpdatedAt: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                cancelledAt?: string;
                /** @enum {string} */
                cancelReason?: "customer" | "fraud" | "inventory" | "payment_declined" | "staff" | "other" | "deleted";
                /** @description Currency the customer paid in */
                currency: string;
                customer: {
                    /** @description Storefront customer id; absent for guests */
                    id?: string;
                    /** Format: email */
                    email?: string;
                    phone?: string;
                    firstName?: string;
                    lastName?: string;
                    /** @description BCP 47 language tag */
                    locale?: string;
                    timeZone?: string;
                };
                lines: {
                    /** @description Opaque id (storefront or platform generated) */
                    lineId: string;
                    /** @description Opaque id (storefront or platform generated) */
                    productId?: string;
                    /** @description Opaque id (storefront or platform generated) */
                    variantId?: string;
                    sku?: string;
                    title: string;
                    variantTitle?: string;
                    quantity: number;
                    /** @description Price of one unit before discounts */
                    unitPrice: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    /** @description Discount on the whole line */
                    discount?: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    /** @description Line total after discounts, before tax */
                    total: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    requiresShipping: boolean;
                    /** @description Money: integer minor units and ISO 4217 currency */
                    tax?: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    productTags?: string[];
                }[];
                totals: {
                    /** @description Money: integer minor units and ISO 4217 currency */
                    subtotal: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    /** @description Money: integer minor units and ISO 4217 currency */
                    discounts: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    /** @description Money: integer minor units and ISO 4217 currency */
                    shipping: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    /** @description Money: integer minor units and ISO 4217 currency */
                    tax: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    /** @description Money: integer minor units and ISO 4217 currency */
                    total: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                };
                /** @enum {string} */
                financialStatus: "pending" | "authorized" | "paid" | "partially_paid" | "partially_refunded" | "refunded" | "voided";
                /** @enum {string} */
                fulfillmentStatus: "unfulfilled" | "partially_fulfilled" | "fulfilled";
                shippingAddress?: {
                    /** @description ISO 3166-1 alpha-2 country code */
                    countryCode: string;
                    /** @description State, province or county (code when known) */
                    region?: string;
                    city?: string;
                    postalCode?: string;
                    line1?: string;
                };
                shippingMethod?: {
                    code?: string;
                    title: string;
                };
                /**
                 * Format: date-time
                 * @description Latest dispatch time the shop committed to
                 */
                shipBy?: string;
                /**
                 * Format: date-time
                 * @description Latest delivery time promised to the customer
                 */
                deliverBy?: string;
                /** @default [] */
                tags: string[];
                /** @default false */
                test: boolean;
                /** @default [] */
                fulfillments: {
                    /** @description Platform id of the shop (tenant) */
                    shopId: string;
                    /** @description Opaque id (storefront or platform generated) */
                    fulfillmentId: string;
                    /** @description Opaque id (storefront or platform generated) */
                    orderId: string;
                    /** @enum {string} */
                    status: "pending" | "open" | "success" | "cancelled" | "error" | "failure";
                    /**
                     * @description Carrier tracking status, when the storefront knows it
                     * @enum {string}
                     */
                    shipmentStatus?: "label_created" | "in_transit" | "out_for_delivery" | "available_for_pickup" | "delivered" | "failure" | "returned_to_sender" | "customs_hold" | "lost";
                    /** @description What the status leaves out, e.g. "Delivery attempted" */
                    statusDetail?: string;
                    carrier?: {
                        /** @description Lowercase carrier code: ups, dhl_express, colissimo... */
                        code: string;
                        name?: string;
                        service?: string;
                    };
                    trackingNumbers: string[];
                    trackingUrls: string[];
                    lines: {
                        /** @description Opaque id (storefront or platform generated) */
                        lineId: string;
                        quantity: number;
                    }[];
                    /**
                     * Format: date-time
                     * @description ISO 8601 date-time in UTC
                     */
                    createdAt: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 date-time in UTC
                     */
                    sourceUpdatedAt: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 date-time in UTC
                     */
                    deliveredAt?: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 date-time in UTC
                     */
                    estimatedDeliveryAt?: string;
                }[];
                /** @default [] */
                refunds: {
                    /** @description Platform id of the shop (tenant) */
                    shopId: string;
                    /** @description Opaque id (storefront or platform generated) */
                    refundId: string;
                    /** @description Opaque id (storefront or platform generated) */
                    orderId: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 date-time in UTC
                     */
                    createdAt: string;
                    /** @description What went back to the customer */
                    amount: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    lines: {
                        /** @description Opaque id (storefront or platform generated) */
                        lineId: string;
                        quantity: number;
                        /** @description Refunded for these units, tax included */
                        amount: {
                            /** @description Amount in the minor unit of the currency (e.g. cents) */
                            amount: number;
                            /** @description ISO 4217 currency code */
                            currency: string;
                        };
                    }[];
                    /** @description Shipping refunded, tax included */
                    shipping?: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    note?: string;
                    restock?: boolean;
                }[];
            };
            /**
             * Format: date-time
             * @description When the storefront deleted the order (WooCommerce); it then counts as cancelled
             */
            deletedAt?: string;
            /** @description Changes with every stored update */
            version: number;
        };
        /** @description One page of results, in the requested order */
        TimelinePage: {
            items: components["schemas"]["TimelineEntry"][];
            /** @description Pass as `cursor` for the next page; absent on the last page */
            nextCursor?: string;
        };
        /** @description One canonical event on an entity timeline */
        TimelineEntry: {
            eventId: string;
            /** @description EventBridge source of the canonical event */
            source: string;
            /** @description Its detail-type: see GET /events/catalogue for the detail schema */
            detailType: string;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            time: string;
            /** @description The canonical event detail */
            detail: {
                [key: string]: unknown;
            };
        };
        /** @description One page of results, in the requested order */
        CustomerPage: {
            items: components["schemas"]["Customer"][];
            /** @description Pass as `cursor` for the next page; absent on the last page */
            nextCursor?: string;
        };
        /** @description A customer: contact, consent and totals */
        Customer: {
            /** @description Platform id of the shop (tenant) */
            shopId: string;
            /** @description Opaque id (storefront or platform generated) */
            customerId: string;
            /** @enum {string} */
            platform?: "shopify" | "woocommerce" | "generic";
            /** Format: email */
            email?: string;
            phone?: string;
            firstName?: string;
            lastName?: string;
            /** @description BCP 47 language tag */
            locale?: string;
            timeZone?: string;
            emailMarketingConsent?: {
                /** @enum {string} */
                state: "subscribed" | "unsubscribed" | "not_subscribed" | "pending";
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                updatedAt?: string;
            };
            smsMarketingConsent?: {
                /** @enum {string} */
                state: "subscribed" | "unsubscribed" | "not_subscribed" | "pending";
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                updatedAt?: string;
            };
            /** @description Orders placed, each counted once */
            orderCount: number;
            /** @description Spend net of refunds per ISO 4217 currency, in minor units */
            netSpend: {
                [key: string]: number;
            };
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            firstOrderAt?: string;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            lastOrderAt?: string;
            /**
             * Format: date-time
             * @description Storefront time of the profile held
             */
            profileUpdatedAt?: string;
            /** @description The VIP tier the customer holds now; null when none */
            tier: {
                /** @description The tier id of the shop’s VIP settings */
                id: string;
                /** @description Its display name */
                name: string;
                /** @description The customer’s points */
                points: number;
            } | null;
        };
        /** @description The deployment as ops see it: what is waiting in each dead-letter queue */
        OpsHealth: {
            /**
             * @description `attention` when a dead letter waits for ops or a dead-letter queue holds messages
             * @enum {string}
             */
            status: "ok" | "attention";
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            checkedAt: string;
            deadLetterQueues: {
                /** @description Where the queue sits in the stack */
                name: string;
                messages: number;
            }[];
            /** @description Dead letters waiting for ops (quarantined deliveries and archived messages), counted up to 1000 */
            openDeadLetters: number;
        };
        /** @description One page of results, in the requested order */
        DeadLetterPage: {
            items: components["schemas"]["DeadLetter"][];
            /** @description Pass as `cursor` for the next page; absent on the last page */
            nextCursor?: string;
        };
        DeadLetter: {
            /** @description Opaque id of the dead letter */
            deadLetterId: string;
            /**
             * @description `quarantined_delivery`: an authentic webhook we could not use; `failed_message`: a message a consumer gave up on
             * @enum {string}
             */
            kind: "quarantined_delivery" | "failed_message";
            /**
             * @description `open` until someone re-drives or discards it
             * @enum {string}
             */
            status: "open" | "redriven" | "discarded";
            /** @description Platform id of the shop (tenant) */
            shopId?: string;
            /** @description Where it failed: a storefront (`shopify`) or a dead-letter queue of the stack */
            source: string;
            /** @description Storefront topic or canonical detail-type */
            topic?: string;
            /** @description Machine code: `unsupported_topic`, `malformed_json`, `max_receives`... */
            reason: string;
            /** @description What went wrong, for humans */
            detail?: string;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            receivedAt: string;
            attempts?: number;
            /** @description Whether re-driving can put it back where it failed */
            redrivable: boolean;
            /** @description Who re-drove or discarded it, when and why */
            resolution?: {
                /** @enum {string} */
                status: "redriven" | "discarded";
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                at: string;
                /** @description Who resolved it (their email, or their user id) */
                by: string;
                reason: string;
            };
        };
        /** @description A dead letter with its payload, for inspection */
        DeadLetterDetail: {
            /** @description Opaque id of the dead letter */
            deadLetterId: string;
            /**
             * @description `quarantined_delivery`: an authentic webhook we could not use; `failed_message`: a message a consumer gave up on
             * @enum {string}
             */
            kind: "quarantined_delivery" | "failed_message";
            /**
             * @description `open` until someone re-drives or discards it
             * @enum {string}
             */
            status: "open" | "redriven" | "discarded";
            /** @description Platform id of the shop (tenant) */
            shopId?: string;
            /** @description Where it failed: a storefront (`shopify`) or a dead-letter queue of the stack */
            source: string;
            /** @description Storefront topic or canonical detail-type */
            topic?: string;
            /** @description Machine code: `unsupported_topic`, `malformed_json`, `max_receives`... */
            reason: string;
            /** @description What went wrong, for humans */
            detail?: string;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            receivedAt: string;
            attempts?: number;
            /** @description Whether re-driving can put it back where it failed */
            redrivable: boolean;
            /** @description Who re-drove or discarded it, when and why */
            resolution?: {
                /** @enum {string} */
                status: "redriven" | "discarded";
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                at: string;
                /** @description Who resolved it (their email, or their user id) */
                by: string;
                reason: string;
            };
            /** @description The delivery body or the message body, as received (UTF-8) */
            payload: string;
            /** @description Whether `payload` stops at 256 KiB */
            payloadTruncated: boolean;
            /** @description Storefront delivery headers, or the failure attributes SQS, EventBridge and Lambda recorded */
            metadata: {
                [key: string]: string;
            };
            /** @description Why it cannot be re-driven, when it cannot */
            redriveNote?: string;
        };
        RedriveResult: {
            deadLetterId: string;
            /** @enum {string} */
            status: "requeued" | "already_redriven";
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            redrivenAt: string;
        };
        RedriveRequest: {
            /** @description Why it is safe to re-drive now, for the audit trail */
            reason: string;
        };
        ResolveDeadLetterRequest: {
            /** @description Why, for the audit trail */
            reason: string;
        };
        /** @description One page of results, in the requested order */
        AuditPage: {
            items: components["schemas"]["AuditRecord"][];
            /** @description Pass as `cursor` for the next page; absent on the last page */
            nextCursor?: string;
        };
        /** @description Who did what, when, to what, and why */
        AuditRecord: {
            auditId: string;
            /** @description The shop, or `deployment` for stack-wide records */
            scope: string;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            at: string;
            /** @description `deadLetter.redrive`, `deadLetter.discard`... */
            action: string;
            actor: {
                sub: string;
                email?: string;
                /** @enum {string} */
                role: "viewer" | "agent" | "supervisor" | "admin";
            };
            /** @description The entity acted on first, then those it belongs to */
            subjects: {
                /** @enum {string} */
                type: "order" | "customer" | "case" | "return" | "refund" | "deadLetter" | "shop" | "policy";
                id: string;
            }[];
            reason?: string;
            /** @description The fields the action changed, before */
            before?: {
                [key: string]: unknown;
            };
            /** @description The same fields, after */
            after?: {
                [key: string]: unknown;
            };
            /** @description The API request that did it */
            requestId: string;
        };
        /** @description One page of results, in the requested order */
        NotificationLogPage: {
            items: components["schemas"]["NotificationLogEntry"][];
            /** @description Pass as `cursor` for the next page; absent on the last page */
            nextCursor?: string;
        };
        /** @description One message and its delivery history */
        NotificationLogEntry: {
            notificationId: string;
            messageType: string;
            /** @enum {string} */
            category: "transactional" | "marketing";
            deduplicationKey: string;
            /** @description Opaque id (storefront or platform generated) */
            customerId: string;
            /** @description `sent`, `suppressed`, `deferred`, `failed`, `sending`... */
            status: string;
            /** @enum {string} */
            channel?: "email" | "sms";
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            requestedAt: string;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            updatedAt: string;
            /** @description The order, return, case... it is about */
            related: {
                [key: string]: string;
            };
            /** @description Every step, oldest first, with why (suppression reason, failure) */
            history: {
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                at: string;
                status: string;
                /** @enum {string} */
                channel?: "email" | "sms";
                detail?: string;
            }[];
        };
        NotificationPreferences: {
            /** @enum {string} */
            channel: "email" | "sms";
            /** @description The address, partly masked */
            address: string;
            /** @description Whether marketing may be sent to this address */
            marketing: boolean;
            /** @description SMS: the number replied STOP (nothing is sent until START) */
            stopped?: boolean;
            /**
             * @description Email: SES reported a bounce or a complaint; nothing is sent
             * @enum {string}
             */
            suppressed?: "bounced" | "complained";
        };
        NotificationPreferencesUpdate: {
            /** @description Whether marketing may be sent */
            marketing: boolean;
        };
        /** @description A customer session and the order it was opened with */
        CustomerSession: {
            /** @description Send as `Authorization: Bearer <token>` to the customer routes */
            token: string;
            /**
             * Format: date-time
             * @description The token is refused from then on: sign in again
             */
            expiresAt: string;
            order: components["schemas"]["CustomerOrder"];
        };
        /** @description An order as its customer sees it in the portal */
        CustomerOrder: {
            orderNumber: string;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            createdAt: string;
            /** @description ISO 4217 currency code */
            currency: string;
            lines: {
                /** @description Names the line in later requests (returns) */
                lineId: string;
                title: string;
                variantTitle?: string;
                sku?: string;
                quantity: number;
                /** @description One unit before discounts */
                unitPrice: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /** @description Discount on the whole line */
                discount?: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /** @description Line total after discounts, before tax */
                total: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
            }[];
            /** @description `total` is what was charged at checkout; refunds are listed, not netted */
            totals: {
                /** @description Money: integer minor units and ISO 4217 currency */
                subtotal: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /** @description Money: integer minor units and ISO 4217 currency */
                discounts: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /** @description Money: integer minor units and ISO 4217 currency */
                shipping: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /** @description Money: integer minor units and ISO 4217 currency */
                tax: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /** @description Money: integer minor units and ISO 4217 currency */
                total: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
            };
            /** @enum {string} */
            financialStatus: "pending" | "authorized" | "paid" | "partially_paid" | "partially_refunded" | "refunded" | "voided";
            /** @enum {string} */
            fulfillmentStatus: "unfulfilled" | "partially_fulfilled" | "fulfilled";
            /** @description Parcels, oldest first */
            fulfillments: {
                /** @enum {string} */
                status: "pending" | "open" | "success" | "cancelled" | "error" | "failure";
                /**
                 * @description Carrier tracking status, when known
                 * @enum {string}
                 */
                shipmentStatus?: "label_created" | "in_transit" | "out_for_delivery" | "available_for_pickup" | "delivered" | "failure" | "returned_to_sender" | "customs_hold" | "lost";
                statusDetail?: string;
                carrier?: {
                    /** @description Lowercase carrier code: ups, dhl_express, colissimo... */
                    code: string;
                    name?: string;
                };
                trackingNumbers: string[];
                trackingUrls: string[];
                /** @description What is in the parcel */
                lines: {
                    /** @description Opaque id (storefront or platform generated) */
                    lineId: string;
                    quantity: number;
                }[];
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                createdAt: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                estimatedDeliveryAt?: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                deliveredAt?: string;
            }[];
            /** @description Oldest first */
            refunds: {
                /** @description What went back to the customer */
                amount: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                createdAt: string;
            }[];
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            cancelledAt?: string;
        };
        CustomerSignIn: {
            /** @description Platform id of the shop (tenant) */
            shopId: string;
            /** @description The order number as the shop shows it; `#1001` and `1001` are the same */
            orderNumber: string;
            /**
             * Format: email
             * @description The email address on the order (any case)
             */
            email: string;
        };
        SurveyAnswerResult: {
            /** @description Opaque id (storefront or platform generated) */
            surveyId: string;
            /** @description The recorded score: the first answer’s, whatever a later answer says */
            score: number;
            /**
             * @description `answered`: this answer was recorded; `comment_added`: the survey was answered before and this added its comment; `already_answered`: nothing changed
             * @enum {string}
             */
            outcome: "answered" | "comment_added" | "already_answered";
        };
        SurveyAnswerRequest: {
            /** @description The signed token of the survey link */
            token: string;
            /** @description CSAT score: 1 (very unhappy) to 5 (very happy) */
            score: number;
            /** @description Optional free text */
            comment?: string;
        };
        /** @description One page of results, in the requested order */
        SurveyResponsePage: {
            items: components["schemas"]["SurveyResponse"][];
            /** @description Pass as `cursor` for the next page; absent on the last page */
            nextCursor?: string;
        };
        /** @description An answered satisfaction survey */
        SurveyResponse: {
            /** @description Opaque id (storefront or platform generated) */
            surveyId: string;
            /**
             * @description What was resolved: a return, a support case or an order delay
             * @enum {string}
             */
            flow: "return" | "case" | "delay";
            /** @description CSAT score: 1 (very unhappy) to 5 (very happy) */
            score: number;
            comment?: string;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            requestedAt: string;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            answeredAt: string;
            /**
             * Format: date-time
             * @description When a comment was added after the score
             */
            commentedAt?: string;
            customer: {
                /** @description Opaque id (storefront or platform generated) */
                id: string;
                /** Format: email */
                email?: string;
                phone?: string;
                firstName?: string;
                /** @description BCP 47 language tag */
                locale: string;
            };
            /** @description Opaque id (storefront or platform generated) */
            orderId?: string;
            orderNumber?: string;
            /** @description Opaque id (storefront or platform generated) */
            returnId?: string;
            /** @description The resolved case, for the `case` flow */
            caseId?: string;
            /** @description Opaque id (storefront or platform generated) */
            delayId?: string;
            /** @description The staff member who resolved it, when known */
            agentId?: string;
            /** @description The case a low score (1 or 2) opened */
            followUpCaseId?: string;
        };
        /** @description One page of results, in the requested order */
        FollowUpCasePage: {
            items: components["schemas"]["FollowUpCase"][];
            /** @description Pass as `cursor` for the next page; absent on the last page */
            nextCursor?: string;
        };
        /** @description A follow-up case a low survey score opened */
        FollowUpCase: {
            /** @description Opaque id (storefront or platform generated) */
            caseId: string;
            shopId: string;
            /** @enum {string} */
            status: "open" | "resolved";
            subject: string;
            /** @description Opaque id (storefront or platform generated) */
            surveyId: string;
            /**
             * @description What the survey was about
             * @enum {string}
             */
            flow: "return" | "case" | "delay";
            /** @description CSAT score: 1 (very unhappy) to 5 (very happy) */
            score: number;
            /** @description The customer’s comment with the score */
            comment?: string;
            customer: {
                /** @description Opaque id (storefront or platform generated) */
                id: string;
                /** Format: email */
                email?: string;
                phone?: string;
                firstName?: string;
                /** @description BCP 47 language tag */
                locale: string;
            };
            /** @description The customer’s VIP tier now; null when they hold none */
            tier: {
                /** @description The tier id of the shop’s VIP settings */
                id: string;
                /** @description Its display name */
                name: string;
                /** @description The customer’s points */
                points: number;
            } | null;
            /** @description Opaque id (storefront or platform generated) */
            orderId?: string;
            orderNumber?: string;
            /** @description Opaque id (storefront or platform generated) */
            returnId?: string;
            /** @description Opaque id (storefront or platform generated) */
            delayId?: string;
            /** @description The support case the survey was about */
            surveyedCaseId?: string;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            openedAt: string;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            slaDueAt: string;
            /** @description Still open past its SLA */
            slaBreached: boolean;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            resolvedAt?: string;
            /** @enum {string} */
            resolution?: "refunded" | "replaced" | "store_credit" | "explained" | "no_action" | "duplicate" | "other";
            /** @description Why it was resolved so */
            note?: string;
            /** @description Who resolved it (email, else id) */
            resolvedBy?: string;
            /** @description The case’s timeline, oldest first */
            history: {
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                at: string;
                /** @enum {string} */
                action: "opened" | "resolved";
                by?: string;
                /** @enum {string} */
                resolution?: "refunded" | "replaced" | "store_credit" | "explained" | "no_action" | "duplicate" | "other";
                note?: string;
            }[];
            /** @description Pass as `expectedVersion` to act only on what you saw */
            version: number;
        };
        ResolveFollowUpCaseRequest: {
            /** @enum {string} */
            resolution: "refunded" | "replaced" | "store_credit" | "explained" | "no_action" | "duplicate" | "other";
            /** @description What was done, for the timeline and the audit trail */
            reason: string;
            expectedVersion?: number;
        };
        /** @description A return as its customer sees it */
        CustomerReturn: {
            /** @description Opaque id (storefront or platform generated) */
            id: string;
            /** @enum {string} */
            status: "requested" | "approved" | "rejected" | "awaiting_shipment" | "in_transit" | "received" | "inspected" | "resolved" | "cancelled" | "expired";
            orderNumber: string;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            createdAt: string;
            lines: {
                /** @description Opaque id (storefront or platform generated) */
                lineItemId: string;
                quantity: number;
                /**
                 * @description Why the customer returns it (the request line’s `reason`)
                 * @enum {string}
                 */
                returnReason: "damaged" | "defective" | "wrong_item" | "not_as_described" | "missing_parts" | "too_small" | "too_large" | "arrived_late" | "changed_mind" | "other";
                /** @enum {string} */
                resolution: "refund" | "store_credit" | "exchange" | "keep";
                /** @description Opaque id (storefront or platform generated) */
                exchangeVariantId?: string;
                /** @description For an exchange: the replacement and the price difference */
                exchange?: {
                    /** @description Opaque id (storefront or platform generated) */
                    variantId: string;
                    title: string;
                    /** @description One unit of the replacement */
                    unitPrice: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    /** @description For all units: what the customer pays (`charge`) or gets back (`refund`) */
                    priceDifference: {
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                        /** @enum {string} */
                        direction: "charge" | "refund" | "none";
                    };
                };
                /** @enum {string} */
                decision: "accepted" | "refused";
                /** @description When refused: the policy rule and its reason */
                reason?: {
                    /** @enum {string} */
                    rule: "window.expired" | "exclusion.product" | "exclusion.tag" | "exclusion.final_sale" | "quantity.exceeds" | "reason.not_allowed" | "reason.photos_required" | "resolution.not_offered" | "order.not_fulfilled" | "order.cancelled" | "line.not_found" | "exchange.unavailable" | "exchange.currency";
                    /** @description Why, in the customer’s language */
                    message: string;
                };
            }[];
            /**
             * Format: date-time
             * @description When approved and the items must come back: hand the parcel to the carrier by then
             */
            shipBy?: string;
            /** @description The return parcel, once its tracking number is known */
            tracking?: {
                carrierCode?: string;
                trackingNumber: string;
            };
        };
        ReturnRequest: {
            /** @description The shop the order was placed at; needed only when the deployment serves several shops with an order of this number and email */
            shopId?: string;
            /** @description The order number as the shop shows it; `#1001` and `1001` are the same */
            orderNumber: string;
            /**
             * Format: email
             * @description The email address on the order (any case)
             */
            email: string;
            lines: {
                /** @description The storefront’s line item id (`lineId` of the customer order) */
                lineItemId: string;
                quantity: number;
                /** @enum {string} */
                reason: "damaged" | "defective" | "wrong_item" | "not_as_described" | "missing_parts" | "too_small" | "too_large" | "arrived_late" | "changed_mind" | "other";
                /**
                 * @description What the customer asks for; `keep` only when the policy offers it
                 * @enum {string}
                 */
                resolution: "refund" | "store_credit" | "exchange" | "keep";
                /** @description The replacement variant, for an exchange */
                exchangeVariantId?: string;
                /** @description Photo URLs; some reasons require one */
                photos?: string[];
                /** @description The customer’s words about this line */
                comment?: string;
            }[];
            comment?: string;
        };
        ReturnShipmentRequest: {
            /** @description The carrier: ups, usps, dhl_express, colissimo... */
            carrierCode?: string;
            /** @description As printed on the label or receipt; case and spaces do not matter */
            trackingNumber: string;
        };
        /** @description One page of results, in the requested order */
        ReturnCasePage: {
            items: components["schemas"]["ReturnCase"][];
            /** @description Pass as `cursor` for the next page; absent on the last page */
            nextCursor?: string;
        };
        /** @description A return case as ops see it */
        ReturnCase: {
            /** @description Opaque id (storefront or platform generated) */
            id: string;
            /** @description Platform id of the shop (tenant) */
            shopId: string;
            /** @description Opaque id (storefront or platform generated) */
            orderId: string;
            orderNumber: string;
            customer: {
                /** @description Opaque id (storefront or platform generated) */
                id: string;
                /** Format: email */
                email?: string;
                phone?: string;
                firstName?: string;
                /** @description BCP 47 language tag */
                locale: string;
            };
            /** @enum {string} */
            status: "requested" | "approved" | "rejected" | "awaiting_shipment" | "in_transit" | "received" | "inspected" | "resolved" | "cancelled" | "expired";
            lines: {
                /** @description Opaque id (storefront or platform generated) */
                lineItemId: string;
                quantity: number;
                /** @enum {string} */
                reason: "damaged" | "defective" | "wrong_item" | "not_as_described" | "missing_parts" | "too_small" | "too_large" | "arrived_late" | "changed_mind" | "other";
                /** @enum {string} */
                resolution: "refund" | "store_credit" | "exchange" | "keep";
                /** @description Opaque id (storefront or platform generated) */
                exchangeVariantId?: string;
                /** @description The replacement and the price difference, for an exchange */
                exchange?: {
                    /** @description Opaque id (storefront or platform generated) */
                    variantId: string;
                    title: string;
                    sku?: string;
                    /** @description One unit of the replacement */
                    unitPrice: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    /** @description One unit of the item returned, as listed on the order before discounts */
                    originalUnitPrice: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    /** @description For all units of the line */
                    priceDifference: {
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                        /** @enum {string} */
                        direction: "charge" | "refund" | "none";
                    };
                };
                photos?: string[];
                /**
                 * @description Set at inspection
                 * @enum {string}
                 */
                condition?: "as_new" | "used" | "damaged" | "defective" | "wrong_item" | "missing";
                /** @description Set at inspection: false means written off */
                restock?: boolean;
                /** @description The restock on the storefront after inspection: its adjustment, or why it was not made */
                restocked?: {
                    /**
                     * Format: date-time
                     * @description ISO 8601 date-time in UTC
                     */
                    at: string;
                    /** @description Opaque id (storefront or platform generated) */
                    adjustmentId?: string;
                    skipped?: string;
                };
            }[];
            /** @description The agent handling it: the first one who acted, or whom it was reassigned to */
            owner?: {
                sub: string;
                /** Format: email */
                email?: string;
            };
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            updatedAt: string;
            /** @description Pass as `expectedVersion` to act only on what you saw */
            version: number;
            deadlines: {
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                shipBy?: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                slaDueAt: string;
            };
            tracking?: {
                carrierCode?: string;
                trackingNumber?: string;
                /**
                 * @description The carrier’s latest news of the parcel
                 * @enum {string}
                 */
                status?: "label_scanned" | "in_transit" | "out_for_delivery" | "delivered" | "exception" | "returned_to_sender";
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                statusAt?: string;
            };
            history: {
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                at: string;
                /** @description The command: approve, shipped, reassign... */
                action: string;
                /** @enum {string} */
                from: "requested" | "approved" | "rejected" | "awaiting_shipment" | "in_transit" | "received" | "inspected" | "resolved" | "cancelled" | "expired";
                /**
                 * @description Same as from for non-moving actions (reminder, reassignment)
                 * @enum {string}
                 */
                to: "requested" | "approved" | "rejected" | "awaiting_shipment" | "in_transit" | "received" | "inspected" | "resolved" | "cancelled" | "expired";
                actor: {
                    /** @enum {string} */
                    kind: "staff";
                    sub: string;
                    /** Format: email */
                    email?: string;
                    /** @enum {string} */
                    role: "viewer" | "agent" | "supervisor" | "admin";
                } | {
                    /** @enum {string} */
                    kind: "customer";
                    /** @description Opaque id (storefront or platform generated) */
                    id: string;
                } | {
                    /** @enum {string} */
                    kind: "integration";
                    /** @description Opaque id (storefront or platform generated) */
                    id: string;
                } | {
                    /** @enum {string} */
                    kind: "system";
                };
                reason?: string;
            }[];
            timers: {
                timerId: string;
                /** @enum {string} */
                kind: "return_reminder" | "return_expiry";
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                dueAt: string;
                /** @description Reminder number, 1-based */
                step?: number;
            }[];
            /** @description The shop owes the next step and the handling SLA has passed */
            slaBreached: boolean;
            /** @description What was done on the storefront for the exchange lines: reservations, replacement order, charges */
            exchange?: {
                /** @description The replacement ships at approval, before the return arrives */
                instant: boolean;
                reservations: {
                    /** @description Opaque id (storefront or platform generated) */
                    lineItemId: string;
                    /** @description Opaque id (storefront or platform generated) */
                    variantId: string;
                    quantity: number;
                    key: string;
                    /** @enum {string} */
                    status: "reserved" | "out_of_stock" | "released" | "ordered";
                    /** @description Opaque id (storefront or platform generated) */
                    reservationId?: string;
                }[];
                /** @description The price difference charged to the customer */
                differenceCharge?: {
                    /** @description Opaque id (storefront or platform generated) */
                    chargeId: string;
                    /** @description Money: integer minor units and ISO 4217 currency */
                    amount: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                };
                /** @description What the shop owes the customer (a cheaper replacement, or a difference charged for an exchange that did not happen): the refund engine pays it */
                refundDue?: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /** @description The replacement order */
                order?: {
                    /** @description Opaque id (storefront or platform generated) */
                    orderId: string;
                    orderNumber: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 date-time in UTC
                     */
                    createdAt: string;
                    shippedEarly: boolean;
                };
                /** @description The original items charged: an instant exchange whose items never came back */
                unreturnedCharge?: {
                    /** @description Opaque id (storefront or platform generated) */
                    chargeId: string;
                    /** @description Money: integer minor units and ISO 4217 currency */
                    amount: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                };
            };
            /** @description In lists: the customer’s VIP tier now (null when none) */
            tier?: {
                /** @description The tier id of the shop’s VIP settings */
                id: string;
                /** @description Its display name */
                name: string;
                /** @description The customer’s points */
                points: number;
            } | null;
        };
        ApproveReturnRequest: {
            /** @description Required to override a rejection */
            reason?: string;
            expectedVersion?: number;
        };
        RejectReturnRequest: {
            /** @description Why, for the customer and the audit trail */
            reason: string;
            /**
             * @description The policy rule that applies
             * @enum {string}
             */
            rule?: "outside_window" | "final_sale" | "item_not_eligible" | "used_or_damaged" | "order_not_delivered" | "fraud_risk" | "other";
        };
        ReturnReceiptRequest: {
            reason?: string;
        };
        ReturnInspectionRequest: {
            lines: {
                /** @description Opaque id (storefront or platform generated) */
                lineItemId: string;
                /** @enum {string} */
                condition: "as_new" | "used" | "damaged" | "defective" | "wrong_item" | "missing";
                note?: string;
            }[];
        };
        ReassignReturnRequest: {
            to: {
                sub: string;
                /** Format: email */
                email?: string;
            };
            reason: string;
        };
        /** @description A shop’s return policy in effect, and who published it */
        ReturnPolicyVersion: {
            /** @description Platform id of the shop (tenant) */
            shopId: string;
            /** @description The published version in effect; 0: the default policy, never published. Pass as `expectedVersion` to publish the next one */
            version: number;
            /** @description The policy every return request of the shop is decided by */
            policy: {
                version: number;
                windowDays: number;
                /**
                 * @default delivery
                 * @enum {string}
                 */
                windowStartsAt: "delivery";
                /** @default 5 */
                fulfillmentFallbackDays: number;
                /** @default [] */
                holidayExtensions: {
                    /**
                     * Format: date
                     * @description Calendar date, YYYY-MM-DD, in the shop time zone
                     */
                    from: string;
                    /**
                     * Format: date
                     * @description Calendar date, YYYY-MM-DD, in the shop time zone
                     */
                    to: string;
                    /**
                     * Format: date
                     * @description Calendar date, YYYY-MM-DD, in the shop time zone
                     */
                    extendUntil: string;
                }[];
                /** @default {} */
                exclusions: {
                    /** @default [] */
                    productIds: string[];
                    /** @default [] */
                    variantIds: string[];
                    /** @default [] */
                    tags: string[];
                    /** @default true */
                    finalSale: boolean;
                    /**
                     * @default [
                     *       "final-sale"
                     *     ]
                     */
                    finalSaleTags: string[];
                };
                reasons: {
                    /** @enum {string} */
                    code: "damaged" | "defective" | "wrong_item" | "not_as_described" | "missing_parts" | "too_small" | "too_large" | "arrived_late" | "changed_mind" | "other";
                    /** @default false */
                    photosRequired: boolean;
                    resolutions: ("refund" | "store_credit" | "exchange" | "keep")[];
                    /** @enum {string} */
                    shippingPaidBy: "merchant" | "customer";
                    restockingFeePercent?: number;
                }[];
                storeCreditBonusPercent?: number;
                keepItBelow?: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                }[];
                maxDaysAfterOrderWithoutFulfillment?: number;
                /** @default true */
                autoApprove: boolean;
                /** @default {} */
                exchanges: {
                    /** @default false */
                    instant: boolean;
                    /**
                     * @default charge_or_refund
                     * @enum {string}
                     */
                    priceDifference: "charge_or_refund" | "charge_only" | "refund_only" | "waive";
                };
                reminders?: {
                    /**
                     * @description Days after approval when the customer is reminded
                     * @default [
                     *       3,
                     *       7
                     *     ]
                     */
                    reminderDays: number[];
                    /**
                     * @description Days after approval when an unshipped return expires
                     * @default 14
                     */
                    expiryDays: number;
                };
            };
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            publishedAt?: string;
            /** @description The supervisor who published it */
            publishedBy?: {
                sub: string;
                email?: string;
                /** @enum {string} */
                role: "viewer" | "agent" | "supervisor" | "admin";
            };
            /** @description Why it was published, as its publisher said */
            reason?: string;
        };
        PublishReturnPolicyRequest: {
            /** @description The whole policy, as GET answers it; defaults apply to omitted settings */
            policy: {
                version: number;
                windowDays: number;
                /**
                 * @default delivery
                 * @enum {string}
                 */
                windowStartsAt: "delivery";
                /** @default 5 */
                fulfillmentFallbackDays: number;
                /** @default [] */
                holidayExtensions: {
                    /**
                     * Format: date
                     * @description Calendar date, YYYY-MM-DD, in the shop time zone
                     */
                    from: string;
                    /**
                     * Format: date
                     * @description Calendar date, YYYY-MM-DD, in the shop time zone
                     */
                    to: string;
                    /**
                     * Format: date
                     * @description Calendar date, YYYY-MM-DD, in the shop time zone
                     */
                    extendUntil: string;
                }[];
                /** @default {} */
                exclusions: {
                    /** @default [] */
                    productIds: string[];
                    /** @default [] */
                    variantIds: string[];
                    /** @default [] */
                    tags: string[];
                    /** @default true */
                    finalSale: boolean;
                    /**
                     * @default [
                     *       "final-sale"
                     *     ]
                     */
                    finalSaleTags: string[];
                };
                reasons: {
                    /** @enum {string} */
                    code: "damaged" | "defective" | "wrong_item" | "not_as_described" | "missing_parts" | "too_small" | "too_large" | "arrived_late" | "changed_mind" | "other";
                    /** @default false */
                    photosRequired: boolean;
                    resolutions: ("refund" | "store_credit" | "exchange" | "keep")[];
                    /** @enum {string} */
                    shippingPaidBy: "merchant" | "customer";
                    restockingFeePercent?: number;
                }[];
                storeCreditBonusPercent?: number;
                keepItBelow?: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                }[];
                maxDaysAfterOrderWithoutFulfillment?: number;
                /** @default true */
                autoApprove: boolean;
                /** @default {} */
                exchanges: {
                    /** @default false */
                    instant: boolean;
                    /**
                     * @default charge_or_refund
                     * @enum {string}
                     */
                    priceDifference: "charge_or_refund" | "charge_only" | "refund_only" | "waive";
                };
                reminders?: {
                    /**
                     * @description Days after approval when the customer is reminded
                     * @default [
                     *       3,
                     *       7
                     *     ]
                     */
                    reminderDays: number[];
                    /**
                     * @description Days after approval when an unshipped return expires
                     * @default 14
                     */
                    expiryDays: number;
                };
            };
            /** @description The `version` you read: publishing fails with 409 if another was published since */
            expectedVersion: number;
            /** @description Why, for the audit trail */
            reason: string;
        };
        /** @description The order lines a draft policy would decide differently from the policy in effect */
        ReturnPolicyDryRun: {
            /** @description Platform id of the shop (tenant) */
            shopId: string;
            /** @description The version in effect, compared with the draft */
            currentVersion: number;
            /** @description The version the draft would become if published now */
            draftVersion: number;
            /**
             * Format: date-time
             * @description Both policies decide as of this instant
             */
            evaluatedAt: string;
            totals: {
                /** @description Orders evaluated: the shop’s latest, up to the number asked */
                orders: number;
                lines: number;
                /** @description Lines the draft decides differently */
                changed: number;
                becomeReturnable: number;
                becomeNotReturnable: number;
            };
            changes: {
                /** @description Opaque id (storefront or platform generated) */
                orderId: string;
                orderNumber: string;
                /** @description Opaque id (storefront or platform generated) */
                lineItemId: string;
                /** @description What differs */
                changed: ("returnable" | "maxQuantity" | "deadline" | "resolutions")[];
                /** @description Under the policy in effect */
                before: {
                    returnable: boolean;
                    /** @description Units the customer could still return */
                    maxQuantity: number;
                    /**
                     * Format: date-time
                     * @description The end of the return window
                     */
                    deadline?: string;
                    /** @description Resolutions offered per return reason; only reasons with one */
                    resolutions: {
                        [key: string]: ("refund" | "store_credit" | "exchange" | "keep")[];
                    };
                    /** @description The rules that refuse the line; empty when returnable */
                    rules: ("window.expired" | "exclusion.product" | "exclusion.tag" | "exclusion.final_sale" | "quantity.exceeds" | "reason.not_allowed" | "reason.photos_required" | "resolution.not_offered" | "order.not_fulfilled" | "order.cancelled" | "line.not_found" | "exchange.unavailable" | "exchange.currency")[];
                };
                /** @description Under the draft */
                after: {
                    returnable: boolean;
                    /** @description Units the customer could still return */
                    maxQuantity: number;
                    /**
                     * Format: date-time
                     * @description The end of the return window
                     */
                    deadline?: string;
                    /** @description Resolutions offered per return reason; only reasons with one */
                    resolutions: {
                        [key: string]: ("refund" | "store_credit" | "exchange" | "keep")[];
                    };
                    /** @description The rules that refuse the line; empty when returnable */
                    rules: ("window.expired" | "exclusion.product" | "exclusion.tag" | "exclusion.final_sale" | "quantity.exceeds" | "reason.not_allowed" | "reason.photos_required" | "resolution.not_offered" | "order.not_fulfilled" | "order.cancelled" | "line.not_found" | "exchange.unavailable" | "exchange.currency")[];
                };
            }[];
        };
        ReturnPolicyDryRunRequest: {
            /** @description The draft; its `version` is ignored */
            policy: {
                version: number;
                windowDays: number;
                /**
                 * @default delivery
                 * @enum {string}
                 */
                windowStartsAt: "delivery";
                /** @default 5 */
                fulfillmentFallbackDays: number;
                /** @default [] */
                holidayExtensions: {
                    /**
                     * Format: date
                     * @description Calendar date, YYYY-MM-DD, in the shop time zone
                     */
                    from: string;
                    /**
                     * Format: date
                     * @description Calendar date, YYYY-MM-DD, in the shop time zone
                     */
                    to: string;
                    /**
                     * Format: date
                     * @description Calendar date, YYYY-MM-DD, in the shop time zone
                     */
                    extendUntil: string;
                }[];
                /** @default {} */
                exclusions: {
                    /** @default [] */
                    productIds: string[];
                    /** @default [] */
                    variantIds: string[];
                    /** @default [] */
                    tags: string[];
                    /** @default true */
                    finalSale: boolean;
                    /**
                     * @default [
                     *       "final-sale"
                     *     ]
                     */
                    finalSaleTags: string[];
                };
                reasons: {
                    /** @enum {string} */
                    code: "damaged" | "defective" | "wrong_item" | "not_as_described" | "missing_parts" | "too_small" | "too_large" | "arrived_late" | "changed_mind" | "other";
                    /** @default false */
                    photosRequired: boolean;
                    resolutions: ("refund" | "store_credit" | "exchange" | "keep")[];
                    /** @enum {string} */
                    shippingPaidBy: "merchant" | "customer";
                    restockingFeePercent?: number;
                }[];
                storeCreditBonusPercent?: number;
                keepItBelow?: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                }[];
                maxDaysAfterOrderWithoutFulfillment?: number;
                /** @default true */
                autoApprove: boolean;
                /** @default {} */
                exchanges: {
                    /** @default false */
                    instant: boolean;
                    /**
                     * @default charge_or_refund
                     * @enum {string}
                     */
                    priceDifference: "charge_or_refund" | "charge_only" | "refund_only" | "waive";
                };
                reminders?: {
                    /**
                     * @description Days after approval when the customer is reminded
                     * @default [
                     *       3,
                     *       7
                     *     ]
                     */
                    reminderDays: number[];
                    /**
                     * @description Days after approval when an unshipped return expires
                     * @default 14
                     */
                    expiryDays: number;
                };
            };
            /**
             * @description How many of the shop’s latest orders to evaluate (1 to 1000, default 100)
             * @default 100
             */
            orders: number;
        };
        /** @description One page of results, in the requested order */
        RefundReviewPage: {
            items: components["schemas"]["RefundReviewItem"][];
            /** @description Pass as `cursor` for the next page; absent on the last page */
            nextCursor?: string;
        };
        /** @description A refund decision waiting for a person */
        RefundReviewItem: {
            /** @description Opaque id (storefront or platform generated) */
            decisionId: string;
            /** @description Opaque id (storefront or platform generated) */
            orderId: string;
            orderNumber?: string;
            /** @description Opaque id (storefront or platform generated) */
            returnId?: string;
            customer: {
                /** @description Opaque id (storefront or platform generated) */
                id: string;
                /** Format: email */
                email?: string;
                phone?: string;
                firstName?: string;
                /** @description BCP 47 language tag */
                locale: string;
            };
            /**
             * @description `awaiting_review` (manual review: an agent), `awaiting_supervisor` (above the supervisor threshold) or `awaiting_customer` (a parcel claim whose customer has not chosen yet; a person may still settle it)
             * @enum {string}
             */
            status: "awaiting_customer" | "awaiting_review" | "awaiting_supervisor" | "approved" | "completed" | "failed" | "denied";
            /** @description Pass as `expectedVersion` to decide only on what you saw */
            version: number;
            /**
             * @description What the engine decided
             * @enum {string}
             */
            kind: "full_refund" | "partial_refund" | "store_credit" | "keep_it" | "reship" | "manual_review" | "deny";
            /**
             * @description For manual review: what the engine would have done
             * @enum {string}
             */
            proposedKind?: "full_refund" | "partial_refund" | "store_credit" | "keep_it" | "reship";
            /** @description Money: integer minor units and ISO 4217 currency */
            amount?: {
                /** @description Amount in the minor unit of the currency (e.g. cents) */
                amount: number;
                /** @description ISO 4217 currency code */
                currency: string;
            };
            /** @description The ranked resolutions the customer may be offered */
            options: {
                /** @enum {string} */
                kind: "full_refund" | "partial_refund" | "store_credit" | "keep_it" | "reship";
                /** @description 1 = recommended first */
                rank: number;
                recommended: boolean;
                /** @description What the customer receives; absent for reship */
                amount?: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /** @description Store credit only: the part of amount given on top */
                bonus?: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /** @description What this takes from what the customer paid: amount − bonus */
                fromPaid?: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                deductions: {
                    /** @enum {string} */
                    code: "restocking_fee" | "damaged_goods" | "used_goods" | "missing_parts" | "inspection_failed" | "refundable_cap";
                    /** @description Money: integer minor units and ISO 4217 currency */
                    amount: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                }[];
                lines: {
                    /** @description Opaque id (storefront or platform generated) */
                    lineId: string;
                    /** @description Units decided on (claimed units not yet refunded) */
                    quantity: number;
                    /** @enum {string} */
                    reason?: "damaged" | "defective" | "wrong_item" | "not_as_described" | "missing_parts" | "too_small" | "too_large" | "arrived_late" | "changed_mind" | "other";
                    /** @enum {string} */
                    condition?: "as_new" | "used" | "damaged" | "defective" | "wrong_item" | "missing";
                    /** @description false: failed inspection, nothing goes back for it */
                    accepted: boolean;
                    /** @description What these units cost the customer, discounts off, tax included */
                    value: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    /** @description The tax in value */
                    tax: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    /** @description Their share of shipping refunded, tax included */
                    shipping: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    deductions: {
                        /** @enum {string} */
                        code: "restocking_fee" | "damaged_goods" | "used_goods" | "missing_parts" | "inspection_failed" | "refundable_cap";
                        /** @description Money: integer minor units and ISO 4217 currency */
                        amount: {
                            /** @description Amount in the minor unit of the currency (e.g. cents) */
                            amount: number;
                            /** @description ISO 4217 currency code */
                            currency: string;
                        };
                    }[];
                    /** @description value + shipping − deductions */
                    amount: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                }[];
                /** @description The customer must send the item back first */
                requiresItemBack: boolean;
                gift?: {
                    /** @description Opaque id (storefront or platform generated) */
                    variantId: string;
                    title?: string;
                };
                why: string;
            }[];
            needsSupervisor: boolean;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            createdAt: string;
            /** @description The rules that fired; GET /ops/refunds/{decisionId} has every rule with its inputs */
            firedRules: {
                /** @enum {string} */
                code: "claimed_quantity" | "inspection_failed" | "all_lines_failed" | "damaged_deduction" | "used_deduction" | "missing_parts_deduction" | "restocking_fee" | "shipping_refund" | "store_credit" | "keep_it" | "reship" | "refundable_cap" | "risk_return_rate" | "risk_recent_claims" | "risk_blocklisted_email" | "risk_blocklisted_address" | "customer_choice" | "auto_approve" | "supervisor_approval" | "refund_timing";
                detail: string;
            }[];
            /** @description The customer’s VIP tier now; null when none */
            tier: {
                /** @description The tier id of the shop’s VIP settings */
                id: string;
                /** @description Its display name */
                name: string;
                /** @description The customer’s points */
                points: number;
            } | null;
        };
        /** @description A refund decision as kept and worked: the engine’s decision, its status, what is executed (`outcome`), the saga’s steps, a failure, and who did what when and why */
        RefundDecisionRecord: {
            /** @description Opaque id (storefront or platform generated) */
            decisionId: string;
            shopId: string;
            /** @description Opaque id (storefront or platform generated) */
            orderId: string;
            orderNumber?: string;
            /** @description Opaque id (storefront or platform generated) */
            returnId?: string;
            customer: {
                /** @description Opaque id (storefront or platform generated) */
                id: string;
                /** Format: email */
                email?: string;
                phone?: string;
                firstName?: string;
                /** @description BCP 47 language tag */
                locale: string;
            };
            /** @enum {string} */
            status: "awaiting_customer" | "awaiting_review" | "awaiting_supervisor" | "approved" | "completed" | "failed" | "denied";
            version: number;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            updatedAt: string;
            decision: components["schemas"]["RefundDecision"];
            outcome?: {
                /** @enum {string} */
                kind: "full_refund" | "partial_refund" | "store_credit" | "keep_it" | "reship";
                /** @description Money: integer minor units and ISO 4217 currency */
                amount?: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /** @description Money: integer minor units and ISO 4217 currency */
                bonus?: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
            };
            /** @description Opaque id (storefront or platform generated) */
            refundId: string;
            steps: {
                money?: {
                    /**
                     * Format: date-time
                     * @description ISO 8601 date-time in UTC
                     */
                    at: string;
                    providerRefundId?: string;
                    storeCreditId?: string;
                    codeLastCharacters?: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 date-time in UTC
                     */
                    creditExpiresAt?: string;
                    exchangeOrderId?: string;
                    exchangeOrderNumber?: string;
                };
                notify?: {
                    /**
                     * Format: date-time
                     * @description ISO 8601 date-time in UTC
                     */
                    at: string;
                    providerRefundId?: string;
                    storeCreditId?: string;
                    codeLastCharacters?: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 date-time in UTC
                     */
                    creditExpiresAt?: string;
                    exchangeOrderId?: string;
                    exchangeOrderNumber?: string;
                };
                resolve?: {
                    /**
                     * Format: date-time
                     * @description ISO 8601 date-time in UTC
                     */
                    at: string;
                    providerRefundId?: string;
                    storeCreditId?: string;
                    codeLastCharacters?: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 date-time in UTC
                     */
                    creditExpiresAt?: string;
                    exchangeOrderId?: string;
                    exchangeOrderNumber?: string;
                };
            };
            failure?: {
                /** @enum {string} */
                step: "money" | "notify" | "resolve";
                code: string;
                message: string;
                retryable: boolean;
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                at: string;
            };
            history: {
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                at: string;
                action: string;
                /** @enum {string} */
                from?: "awaiting_customer" | "awaiting_review" | "awaiting_supervisor" | "approved" | "completed" | "failed" | "denied";
                /** @enum {string} */
                to: "awaiting_customer" | "awaiting_review" | "awaiting_supervisor" | "approved" | "completed" | "failed" | "denied";
                by: {
                    sub: string;
                    email?: string;
                    /** @enum {string} */
                    role: "viewer" | "agent" | "supervisor" | "admin";
                } | {
                    /** @enum {string} */
                    kind: "system";
                } | {
                    /** @enum {string} */
                    kind: "customer";
                    /** @description Opaque id (storefront or platform generated) */
                    id: string;
                };
                reason?: string;
            }[];
            parcelClaim?: {
                /** @description Opaque id (storefront or platform generated) */
                claimId: string;
                /** @enum {string} */
                source: "customer" | "ops" | "delay_ladder";
                /** @description Opaque id (storefront or platform generated) */
                delayId?: string;
            };
            offer?: {
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                expiresAt: string;
                timerId: string;
                choice?: {
                    /** @enum {string} */
                    kind: "full_refund" | "partial_refund" | "store_credit" | "keep_it" | "reship";
                    /** @enum {string} */
                    by: "customer" | "expiry";
                    /**
                     * Format: date-time
                     * @description ISO 8601 date-time in UTC
                     */
                    at: string;
                };
            };
        };
        /** @description The refund engine’s decision: what the customer gets, the options offered, and every rule evaluated with its inputs */
        RefundDecision: {
            /** @description Opaque id (storefront or platform generated) */
            decisionId: string;
            /** @description Opaque id (storefront or platform generated) */
            orderId: string;
            claim: {
                /** @enum {string} */
                kind: "return_inspection" | "not_delivered" | "damaged_in_transit" | "wrong_item" | "missing_item";
                /** @description Opaque id (storefront or platform generated) */
                returnId?: string;
                /** @description Opaque id (storefront or platform generated) */
                caseId?: string;
            };
            /** @enum {string} */
            kind: "full_refund" | "partial_refund" | "store_credit" | "keep_it" | "reship" | "manual_review" | "deny";
            /** @enum {string} */
            proposedKind?: "full_refund" | "partial_refund" | "store_credit" | "keep_it" | "reship";
            /** @description What the customer receives (store credit: bonus included) */
            amount?: {
                /** @description Amount in the minor unit of the currency (e.g. cents) */
                amount: number;
                /** @description ISO 4217 currency code */
                currency: string;
            };
            /** @description Money: integer minor units and ISO 4217 currency */
            bonus?: {
                /** @description Amount in the minor unit of the currency (e.g. cents) */
                amount: number;
                /** @description ISO 4217 currency code */
                currency: string;
            };
            /** @description What the decision takes from what remains refundable on the order */
            fromPaid?: {
                /** @description Amount in the minor unit of the currency (e.g. cents) */
                amount: number;
                /** @description ISO 4217 currency code */
                currency: string;
            };
            /** @description What the claimed units cost, with the shipping share: before deductions */
            claimed: {
                /** @description Amount in the minor unit of the currency (e.g. cents) */
                amount: number;
                /** @description ISO 4217 currency code */
                currency: string;
            };
            /** @description Paid − refunded − credited on the order, before this decision */
            remainingBefore: {
                /** @description Amount in the minor unit of the currency (e.g. cents) */
                amount: number;
                /** @description ISO 4217 currency code */
                currency: string;
            };
            lines: {
                /** @description Opaque id (storefront or platform generated) */
                lineId: string;
                /** @description Units decided on (claimed units not yet refunded) */
                quantity: number;
                /** @enum {string} */
                reason?: "damaged" | "defective" | "wrong_item" | "not_as_described" | "missing_parts" | "too_small" | "too_large" | "arrived_late" | "changed_mind" | "other";
                /** @enum {string} */
                condition?: "as_new" | "used" | "damaged" | "defective" | "wrong_item" | "missing";
                /** @description false: failed inspection, nothing goes back for it */
                accepted: boolean;
                /** @description What these units cost the customer, discounts off, tax included */
                value: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /** @description The tax in value */
                tax: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /** @description Their share of shipping refunded, tax included */
                shipping: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                deductions: {
                    /** @enum {string} */
                    code: "restocking_fee" | "damaged_goods" | "used_goods" | "missing_parts" | "inspection_failed" | "refundable_cap";
                    /** @description Money: integer minor units and ISO 4217 currency */
                    amount: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                }[];
                /** @description value + shipping − deductions */
                amount: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
            }[];
            /** @description Per code, summed over lines */
            deductions: {
                /** @enum {string} */
                code: "restocking_fee" | "damaged_goods" | "used_goods" | "missing_parts" | "inspection_failed" | "refundable_cap";
                /** @description Money: integer minor units and ISO 4217 currency */
                amount: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
            }[];
            /** @description Empty, or two or more ranked resolutions the customer may choose from */
            options: {
                /** @enum {string} */
                kind: "full_refund" | "partial_refund" | "store_credit" | "keep_it" | "reship";
                /** @description 1 = recommended first */
                rank: number;
                recommended: boolean;
                /** @description What the customer receives; absent for reship */
                amount?: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /** @description Store credit only: the part of amount given on top */
                bonus?: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /** @description What this takes from what the customer paid: amount − bonus */
                fromPaid?: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                deductions: {
                    /** @enum {string} */
                    code: "restocking_fee" | "damaged_goods" | "used_goods" | "missing_parts" | "inspection_failed" | "refundable_cap";
                    /** @description Money: integer minor units and ISO 4217 currency */
                    amount: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                }[];
                lines: {
                    /** @description Opaque id (storefront or platform generated) */
                    lineId: string;
                    /** @description Units decided on (claimed units not yet refunded) */
                    quantity: number;
                    /** @enum {string} */
                    reason?: "damaged" | "defective" | "wrong_item" | "not_as_described" | "missing_parts" | "too_small" | "too_large" | "arrived_late" | "changed_mind" | "other";
                    /** @enum {string} */
                    condition?: "as_new" | "used" | "damaged" | "defective" | "wrong_item" | "missing";
                    /** @description false: failed inspection, nothing goes back for it */
                    accepted: boolean;
                    /** @description What these units cost the customer, discounts off, tax included */
                    value: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    /** @description The tax in value */
                    tax: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    /** @description Their share of shipping refunded, tax included */
                    shipping: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    deductions: {
                        /** @enum {string} */
                        code: "restocking_fee" | "damaged_goods" | "used_goods" | "missing_parts" | "inspection_failed" | "refundable_cap";
                        /** @description Money: integer minor units and ISO 4217 currency */
                        amount: {
                            /** @description Amount in the minor unit of the currency (e.g. cents) */
                            amount: number;
                            /** @description ISO 4217 currency code */
                            currency: string;
                        };
                    }[];
                    /** @description value + shipping − deductions */
                    amount: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                }[];
                /** @description The customer must send the item back first */
                requiresItemBack: boolean;
                gift?: {
                    /** @description Opaque id (storefront or platform generated) */
                    variantId: string;
                    title?: string;
                };
                why: string;
            }[];
            reship?: {
                lines: {
                    /** @description Opaque id (storefront or platform generated) */
                    lineId: string;
                    quantity: number;
                }[];
                gift?: {
                    /** @description Opaque id (storefront or platform generated) */
                    variantId: string;
                    title?: string;
                };
            };
            requiresItemBack: boolean;
            needsSupervisor: boolean;
            reasons: {
                /** @enum {string} */
                rule: "claimed_quantity" | "inspection_failed" | "all_lines_failed" | "damaged_deduction" | "used_deduction" | "missing_parts_deduction" | "restocking_fee" | "shipping_refund" | "store_credit" | "keep_it" | "reship" | "refundable_cap" | "risk_return_rate" | "risk_recent_claims" | "risk_blocklisted_email" | "risk_blocklisted_address" | "customer_choice" | "auto_approve" | "supervisor_approval" | "refund_timing";
                fired: boolean;
                inputs: {
                    [key: string]: string | number | boolean | null | {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    } | string[];
                };
                detail: string;
            }[];
            rulesVersion: number;
            timing: {
                /** @enum {string} */
                refundAt: "now" | "label_scan" | "carrier_delivery" | "inspection";
            };
        };
        DecideRefundRequest: {
            /**
             * @description `approve` what the engine proposed; `override` with another resolution; `deny`; `retry` a failed decision
             * @enum {string}
             */
            action: "approve" | "override" | "deny" | "retry";
            /**
             * @description The resolution, for `override`
             * @enum {string}
             */
            kind?: "full_refund" | "partial_refund" | "store_credit" | "keep_it" | "reship";
            /** @description For `override`: what the customer receives, at most what remains refundable */
            amount?: {
                /** @description Amount in the minor unit of the currency (e.g. cents) */
                amount: number;
                /** @description ISO 4217 currency code */
                currency: string;
            };
            /** @description Why, for the audit trail */
            reason: string;
            /** @description The `version` you read: 409 if the decision changed since */
            expectedVersion?: number;
        };
        /** @description What was paid for an order, every refund and credit, and the refund decisions on it */
        OrderLedger: {
            /** @description Platform id of the shop (tenant) */
            shopId: string;
            /** @description Opaque id (storefront or platform generated) */
            orderId: string;
            /** @description Absent until the first money movement opens the ledger */
            summary?: {
                /** @description Money: integer minor units and ISO 4217 currency */
                paid: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /** @description Refunds to the original payment, ours (held or issued) and the storefront’s */
                refunded: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /** @description Money: integer minor units and ISO 4217 currency */
                credited: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /** @description What may still go back: paid − refunded − credited */
                remaining: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /** @description A storefront refund took the order past what was paid */
                overRefunded: boolean;
                version: number;
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                openedAt: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                updatedAt: string;
            };
            entries: {
                /**
                 * @description Our refund, our store credit, or a refund made on the storefront
                 * @enum {string}
                 */
                kind: "refund" | "store_credit" | "external_refund";
                /** @description Our idempotency key (the decision’s `refundId`) or the storefront’s refund id */
                key: string;
                /** @description Money: integer minor units and ISO 4217 currency */
                amount: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /**
                 * @description `pending`: held while the provider is asked; `unknown`: the provider did not say, the money stays held
                 * @enum {string}
                 */
                state: "pending" | "issued" | "declined" | "unknown";
                /** @description Opaque id (storefront or platform generated) */
                decisionId?: string;
                reason?: string;
                providerRefundId?: string;
                declineCode?: string;
                /** @description The storefront’s refund id: an external refund’s own, or the echo that confirmed ours */
                platformRefundId?: string;
                /**
                 * Format: date-time
                 * @description When the storefront reported this money as refunded
                 */
                confirmedAt?: string;
                overRefunded?: boolean;
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                createdAt: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                updatedAt: string;
            }[];
            decisions: {
                /** @description Opaque id (storefront or platform generated) */
                decisionId: string;
                /** @description Opaque id (storefront or platform generated) */
                refundId: string;
                /** @enum {string} */
                status: "awaiting_customer" | "awaiting_review" | "awaiting_supervisor" | "approved" | "completed" | "failed" | "denied";
                /**
                 * @description What is executed (the outcome), or the engine’s decision while a person has not decided
                 * @enum {string}
                 */
                kind: "full_refund" | "partial_refund" | "store_credit" | "keep_it" | "reship" | "manual_review" | "deny";
                /** @description Money: integer minor units and ISO 4217 currency */
                amount?: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                createdAt: string;
            }[];
        };
        ParcelClaimAccepted: {
            /** @description Opaque id (storefront or platform generated) */
            claimId: string;
            /** @description The decision the engine will write for this claim */
            decisionId: string;
            /** @description Where to read the decision: the claim’s offer for a customer, the decision explanation for ops */
            statusUrl: string;
        };
        FileParcelClaimRequest: {
            /** @description The order number as the shop shows it; `#1001` and `1001` are the same */
            orderNumber: string;
            /** @enum {string} */
            kind: "not_delivered" | "damaged_in_transit" | "wrong_item" | "missing_item";
            /** @description The lines and units concerned (`lineId` of the order); absent: the whole parcel */
            lines?: {
                /** @description Opaque id (storefront or platform generated) */
                lineId: string;
                quantity: number;
            }[];
            comment?: string;
            /** @description Photo URLs (damage, wrong item) */
            photos?: string[];
        };
        /** @description A parcel claim’s decision as its customer sees it: the options, recommended first */
        ClaimOffer: {
            /** @description Opaque id (storefront or platform generated) */
            decisionId: string;
            orderNumber: string;
            /** @enum {string} */
            claimKind: "not_delivered" | "damaged_in_transit" | "wrong_item" | "missing_item";
            /**
             * @description `awaiting_customer` until a choice is made; then the decision’s progress
             * @enum {string}
             */
            status: "awaiting_customer" | "awaiting_review" | "awaiting_supervisor" | "approved" | "completed" | "failed" | "denied";
            options: {
                /** @enum {string} */
                kind: "full_refund" | "partial_refund" | "store_credit" | "keep_it" | "reship";
                rank: number;
                recommended: boolean;
                /** @description What it gives back; absent for a replacement */
                amount?: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                /** @description Money: integer minor units and ISO 4217 currency */
                bonus?: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                };
                requiresItemBack: boolean;
                why: string;
            }[];
            /**
             * @description Applies when no choice is made by `expiresAt`
             * @enum {string}
             */
            recommended?: "full_refund" | "partial_refund" | "store_credit" | "keep_it" | "reship";
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            expiresAt?: string;
            /** @description The option taken, once chosen */
            choice?: {
                /** @enum {string} */
                kind: "full_refund" | "partial_refund" | "store_credit" | "keep_it" | "reship";
                /** @enum {string} */
                by: "customer" | "expiry";
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                at: string;
            };
        };
        ClaimChoice: {
            /** @enum {string} */
            kind: "full_refund" | "partial_refund" | "store_credit" | "keep_it" | "reship";
        };
        FileOpsParcelClaimRequest: {
            /** @enum {string} */
            kind: "not_delivered" | "damaged_in_transit" | "wrong_item" | "missing_item";
            /** @description The lines and units concerned (`lineId` of the order); absent: the whole parcel */
            lines?: {
                /** @description Opaque id (storefront or platform generated) */
                lineId: string;
                quantity: number;
            }[];
            comment?: string;
            /** @description Photo URLs (damage, wrong item) */
            photos?: string[];
            /** @description Why the agent files it (kept in the audit trail) */
            reason: string;
        };
        /** @description A shop’s refund rules in effect, and who published them */
        RefundRulesVersion: {
            /** @description Platform id of the shop (tenant) */
            shopId: string;
            /** @description The published version in effect; 0: the default rules, never published. Pass as `expectedVersion` to publish the next one */
            version: number;
            /** @description The rules every refund decision of the shop is taken by */
            rules: {
                version: number;
                approval: {
                    autoApproveUpTo: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    }[];
                    supervisorAbove: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    }[];
                };
                /** @default {} */
                risk: {
                    /** @default 50 */
                    maxReturnRatePercent: number;
                    /** @default 3 */
                    minOrdersForReturnRate: number;
                    /** @default 2 */
                    maxRecentClaims: number;
                    /** @default 90 */
                    recentClaimsDays: number;
                    /** @default [] */
                    trustedTiers: string[];
                    /** @default {} */
                    blocklist: {
                        /** @default [] */
                        emails: string[];
                        /** @default [] */
                        addresses: {
                            postalCode: string;
                            /** @description ISO 3166-1 alpha-2 country code */
                            countryCode: string;
                        }[];
                    };
                };
                /** @default {} */
                timing: {
                    /**
                     * @default inspection
                     * @enum {string}
                     */
                    refundAt: "label_scan" | "carrier_delivery" | "inspection";
                };
                /** @default {} */
                keepIt: {
                    below?: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    }[];
                    /** @default [] */
                    returnShippingCost: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    }[];
                    /**
                     * @default [
                     *       "damaged_in_transit",
                     *       "wrong_item"
                     *     ]
                     */
                    claims: ("damaged_in_transit" | "wrong_item")[];
                };
                /** @default {} */
                storeCredit: {
                    /** @default true */
                    enabled: boolean;
                    bonusPercent?: number;
                };
                restockingFeePercent?: {
                    damaged?: number;
                    defective?: number;
                    wrong_item?: number;
                    not_as_described?: number;
                    missing_parts?: number;
                    too_small?: number;
                    too_large?: number;
                    arrived_late?: number;
                    changed_mind?: number;
                    other?: number;
                };
                /** @default {} */
                deductions: {
                    /** @default 30 */
                    damagedPercent: number;
                    /** @default 0 */
                    usedPercent: number;
                    /** @default 20 */
                    missingPartsPercent: number;
                };
                /** @default {} */
                shipping: {
                    /**
                     * @description Refund the units’ share of shipping when the shop is at fault
                     * @default true
                     */
                    refundWhenMerchantFault: boolean;
                };
                /** @default {} */
                reship: {
                    /**
                     * @default [
                     *       "not_delivered",
                     *       "damaged_in_transit",
                     *       "missing_item"
                     *     ]
                     */
                    claims: ("not_delivered" | "damaged_in_transit" | "wrong_item" | "missing_item")[];
                    gift?: {
                        /** @description Opaque id (storefront or platform generated) */
                        variantId: string;
                        title?: string;
                    };
                };
                /** @default {} */
                options: {
                    /** @default true */
                    offerChoice: boolean;
                    /**
                     * @default [
                     *       "reship",
                     *       "store_credit",
                     *       "keep_it",
                     *       "refund"
                     *     ]
                     */
                    ranking: ("reship" | "store_credit" | "keep_it" | "refund")[];
                    /** @default 7 */
                    choiceDays: number;
                };
            };
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            publishedAt?: string;
            /** @description The supervisor who published them */
            publishedBy?: {
                sub: string;
                email?: string;
                /** @enum {string} */
                role: "viewer" | "agent" | "supervisor" | "admin";
            };
            /** @description Why they were published, as their publisher said */
            reason?: string;
        };
        PublishRefundRulesRequest: {
            /** @description The whole rule set, as GET answers it; defaults apply to omitted settings */
            rules: {
                version: number;
                approval: {
                    autoApproveUpTo: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    }[];
                    supervisorAbove: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    }[];
                };
                /** @default {} */
                risk: {
                    /** @default 50 */
                    maxReturnRatePercent: number;
                    /** @default 3 */
                    minOrdersForReturnRate: number;
                    /** @default 2 */
                    maxRecentClaims: number;
                    /** @default 90 */
                    recentClaimsDays: number;
                    /** @default [] */
                    trustedTiers: string[];
                    /** @default {} */
                    blocklist: {
                        /** @default [] */
                        emails: string[];
                        /** @default [] */
                        addresses: {
                            postalCode: string;
                            /** @description ISO 3166-1 alpha-2 country code */
                            countryCode: string;
                        }[];
                    };
                };
                /** @default {} */
                timing: {
                    /**
                     * @default inspection
                     * @enum {string}
                     */
                    refundAt: "label_scan" | "carrier_delivery" | "inspection";
                };
                /** @default {} */
                keepIt: {
                    below?: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    }[];
                    /** @default [] */
                    returnShippingCost: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    }[];
                    /**
                     * @default [
                     *       "damaged_in_transit",
                     *       "wrong_item"
                     *     ]
                     */
                    claims: ("damaged_in_transit" | "wrong_item")[];
                };
                /** @default {} */
                storeCredit: {
                    /** @default true */
                    enabled: boolean;
                    bonusPercent?: number;
                };
                restockingFeePercent?: {
                    damaged?: number;
                    defective?: number;
                    wrong_item?: number;
                    not_as_described?: number;
                    missing_parts?: number;
                    too_small?: number;
                    too_large?: number;
                    arrived_late?: number;
                    changed_mind?: number;
                    other?: number;
                };
                /** @default {} */
                deductions: {
                    /** @default 30 */
                    damagedPercent: number;
                    /** @default 0 */
                    usedPercent: number;
                    /** @default 20 */
                    missingPartsPercent: number;
                };
                /** @default {} */
                shipping: {
                    /**
                     * @description Refund the units’ share of shipping when the shop is at fault
                     * @default true
                     */
                    refundWhenMerchantFault: boolean;
                };
                /** @default {} */
                reship: {
                    /**
                     * @default [
                     *       "not_delivered",
                     *       "damaged_in_transit",
                     *       "missing_item"
                     *     ]
                     */
                    claims: ("not_delivered" | "damaged_in_transit" | "wrong_item" | "missing_item")[];
                    gift?: {
                        /** @description Opaque id (storefront or platform generated) */
                        variantId: string;
                        title?: string;
                    };
                };
                /** @default {} */
                options: {
                    /** @default true */
                    offerChoice: boolean;
                    /**
                     * @default [
                     *       "reship",
                     *       "store_credit",
                     *       "keep_it",
                     *       "refund"
                     *     ]
                     */
                    ranking: ("reship" | "store_credit" | "keep_it" | "refund")[];
                    /** @default 7 */
                    choiceDays: number;
                };
            };
            /** @description The `version` you read: publishing fails with 409 if another was published since */
            expectedVersion: number;
            /** @description Why, for the audit trail */
            reason: string;
        };
        /** @description The refund decisions draft rules would take differently from the rules in effect */
        RefundRulesDryRun: {
            /** @description Platform id of the shop (tenant) */
            shopId: string;
            /** @description The version in effect, compared with the draft */
            currentVersion: number;
            /** @description The version the draft would become if published now */
            draftVersion: number;
            /**
             * Format: date-time
             * @description Both rule sets decide as of this instant
             */
            evaluatedAt: string;
            totals: {
                /** @description Orders looked at: the shop’s latest, up to the number asked */
                orders: number;
                /** @description Inspected returns decided again */
                claims: number;
                /** @description Decisions the draft takes differently */
                changed: number;
                becomeManualReview: number;
                leaveManualReview: number;
                /** @description Per currency: what the draft would give back more (negative: less) than the rules in effect */
                amountDelta: {
                    /** @description Signed amount in the minor unit of the currency */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                }[];
            };
            changes: {
                /** @description Opaque id (storefront or platform generated) */
                decisionId: string;
                /** @description Opaque id (storefront or platform generated) */
                orderId: string;
                /** @description Opaque id (storefront or platform generated) */
                returnId: string;
                /** @description What differs */
                changed: ("kind" | "amount" | "needsSupervisor" | "options" | "timing")[];
                /** @description Under the rules in effect */
                before: {
                    /** @enum {string} */
                    kind: "full_refund" | "partial_refund" | "store_credit" | "keep_it" | "reship" | "manual_review" | "deny";
                    /**
                     * @description For manual review: what the engine would have done
                     * @enum {string}
                     */
                    proposedKind?: "full_refund" | "partial_refund" | "store_credit" | "keep_it" | "reship";
                    /** @description What the customer would receive */
                    amount?: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    needsSupervisor: boolean;
                    /** @description The resolutions offered, in rank order */
                    options: ("full_refund" | "partial_refund" | "store_credit" | "keep_it" | "reship")[];
                    /** @enum {string} */
                    refundAt: "now" | "label_scan" | "carrier_delivery" | "inspection";
                    /** @description The rules that fired */
                    fired: ("claimed_quantity" | "inspection_failed" | "all_lines_failed" | "damaged_deduction" | "used_deduction" | "missing_parts_deduction" | "restocking_fee" | "shipping_refund" | "store_credit" | "keep_it" | "reship" | "refundable_cap" | "risk_return_rate" | "risk_recent_claims" | "risk_blocklisted_email" | "risk_blocklisted_address" | "customer_choice" | "auto_approve" | "supervisor_approval" | "refund_timing")[];
                };
                /** @description Under the draft */
                after: {
                    /** @enum {string} */
                    kind: "full_refund" | "partial_refund" | "store_credit" | "keep_it" | "reship" | "manual_review" | "deny";
                    /**
                     * @description For manual review: what the engine would have done
                     * @enum {string}
                     */
                    proposedKind?: "full_refund" | "partial_refund" | "store_credit" | "keep_it" | "reship";
                    /** @description What the customer would receive */
                    amount?: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    needsSupervisor: boolean;
                    /** @description The resolutions offered, in rank order */
                    options: ("full_refund" | "partial_refund" | "store_credit" | "keep_it" | "reship")[];
                    /** @enum {string} */
                    refundAt: "now" | "label_scan" | "carrier_delivery" | "inspection";
                    /** @description The rules that fired */
                    fired: ("claimed_quantity" | "inspection_failed" | "all_lines_failed" | "damaged_deduction" | "used_deduction" | "missing_parts_deduction" | "restocking_fee" | "shipping_refund" | "store_credit" | "keep_it" | "reship" | "refundable_cap" | "risk_return_rate" | "risk_recent_claims" | "risk_blocklisted_email" | "risk_blocklisted_address" | "customer_choice" | "auto_approve" | "supervisor_approval" | "refund_timing")[];
                };
            }[];
        };
        RefundRulesDryRunRequest: {
            /** @description The draft; its `version` is ignored */
            rules: {
                version: number;
                approval: {
                    autoApproveUpTo: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    }[];
                    supervisorAbove: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    }[];
                };
                /** @default {} */
                risk: {
                    /** @default 50 */
                    maxReturnRatePercent: number;
                    /** @default 3 */
                    minOrdersForReturnRate: number;
                    /** @default 2 */
                    maxRecentClaims: number;
                    /** @default 90 */
                    recentClaimsDays: number;
                    /** @default [] */
                    trustedTiers: string[];
                    /** @default {} */
                    blocklist: {
                        /** @default [] */
                        emails: string[];
                        /** @default [] */
                        addresses: {
                            postalCode: string;
                            /** @description ISO 3166-1 alpha-2 country code */
                            countryCode: string;
                        }[];
                    };
                };
                /** @default {} */
                timing: {
                    /**
                     * @default inspection
                     * @enum {string}
                     */
                    refundAt: "label_scan" | "carrier_delivery" | "inspection";
                };
                /** @default {} */
                keepIt: {
                    below?: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    }[];
                    /** @default [] */
                    returnShippingCost: {
                        /** @description Amount in the minor unit of the currency (e.g. cents) */
                        amount: number;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    }[];
                    /**
                     * @default [
                     *       "damaged_in_transit",
                     *       "wrong_item"
                     *     ]
                     */
                    claims: ("damaged_in_transit" | "wrong_item")[];
                };
                /** @default {} */
                storeCredit: {
                    /** @default true */
                    enabled: boolean;
                    bonusPercent?: number;
                };
                restockingFeePercent?: {
                    damaged?: number;
                    defective?: number;
                    wrong_item?: number;
                    not_as_described?: number;
                    missing_parts?: number;
                    too_small?: number;
                    too_large?: number;
                    arrived_late?: number;
                    changed_mind?: number;
                    other?: number;
                };
                /** @default {} */
                deductions: {
                    /** @default 30 */
                    damagedPercent: number;
                    /** @default 0 */
                    usedPercent: number;
                    /** @default 20 */
                    missingPartsPercent: number;
                };
                /** @default {} */
                shipping: {
                    /**
                     * @description Refund the units’ share of shipping when the shop is at fault
                     * @default true
                     */
                    refundWhenMerchantFault: boolean;
                };
                /** @default {} */
                reship: {
                    /**
                     * @default [
                     *       "not_delivered",
                     *       "damaged_in_transit",
                     *       "missing_item"
                     *     ]
                     */
                    claims: ("not_delivered" | "damaged_in_transit" | "wrong_item" | "missing_item")[];
                    gift?: {
                        /** @description Opaque id (storefront or platform generated) */
                        variantId: string;
                        title?: string;
                    };
                };
                /** @default {} */
                options: {
                    /** @default true */
                    offerChoice: boolean;
                    /**
                     * @default [
                     *       "reship",
                     *       "store_credit",
                     *       "keep_it",
                     *       "refund"
                     *     ]
                     */
                    ranking: ("reship" | "store_credit" | "keep_it" | "refund")[];
                    /** @default 7 */
                    choiceDays: number;
                };
            };
            /**
             * @description How many of the shop’s latest orders to look at (1 to 1000, default 100)
             * @default 100
             */
            orders: number;
        };
        /** @description A shop’s campaign settings in effect, and who published them */
        CampaignSettingsVersion: {
            /** @description Platform id of the shop (tenant) */
            shopId: string;
            /** @description The published version in effect; 0: the defaults, never published. Pass as `expectedVersion` to publish the next one */
            version: number;
            /** @description Replenishment cycles, win-back, VIP tiers, suppression and attribution */
            settings: {
                version: number;
                /** @default {} */
                replenishment: {
                    /** @default true */
                    enabled: boolean;
                    /** @default [] */
                    cycles: ({
                        /** @description Opaque id (storefront or platform generated) */
                        productId: string;
                        days: number;
                    } | {
                        tag: string;
                        days: number;
                    })[];
                    /** @default {} */
                    learned: {
                        /** @default true */
                        enabled: boolean;
                        /** @default 3 */
                        minCustomerOrders: number;
                        /** @default 10 */
                        minProductIntervals: number;
                    };
                    discount?: {
                        percent: number;
                        /** @default 14 */
                        expiresAfterDays: number;
                    };
                };
                /** @default {} */
                winback: {
                    /** @default true */
                    enabled: boolean;
                    /** @default 120 */
                    afterDaysWithoutOrder: number;
                    /**
                     * @default [
                     *       {
                     *         "waitDays": 0
                     *       },
                     *       {
                     *         "waitDays": 14,
                     *         "discount": {
                     *           "percent": 10,
                     *           "expiresAfterDays": 14
                     *         }
                     *       }
                     *     ]
                     */
                    steps: {
                        waitDays: number;
                        discount?: {
                            percent: number;
                            /** @default 14 */
                            expiresAfterDays: number;
                        };
                    }[];
                };
                /** @default {} */
                vip: {
                    /** @default true */
                    enabled: boolean;
                    /** @default 1 */
                    pointsPerUnit: number;
                    /** @default {} */
                    pointsPerUnitByCurrency: {
                        [key: string]: number;
                    };
                    windowDays?: number;
                    /**
                     * @default [
                     *       {
                     *         "id": "silver",
                     *         "name": "Silver",
                     *         "minPoints": 500,
                     *         "benefits": {
                     *           "discountPercent": 5,
                     *           "birthdayMessage": false,
                     *           "sms": false
                     *         }
                     *       },
                     *       {
                     *         "id": "gold",
                     *         "name": "Gold",
                     *         "minPoints": 1500,
                     *         "benefits": {
                     *           "discountPercent": 10,
                     *           "birthdayMessage": true,
                     *           "caseSlaHours": 24,
                     *           "sms": false
                     *         }
                     *       },
                     *       {
                     *         "id": "platinum",
                     *         "name": "Platinum",
                     *         "minPoints": 5000,
                     *         "benefits": {
                     *           "discountPercent": 15,
                     *           "birthdayMessage": true,
                     *           "caseSlaHours": 8,
                     *           "sms": true
                     *         }
                     *       }
                     *     ]
                     */
                    tiers: {
                        id: string;
                        name: string;
                        minPoints: number;
                        /** @default {} */
                        benefits: {
                            /** @default 0 */
                            discountPercent: number;
                            /** @default false */
                            birthdayMessage: boolean;
                            caseSlaHours?: number;
                            /** @default false */
                            sms: boolean;
                        };
                    }[];
                };
                /** @default {} */
                suppression: {
                    /**
                     * @default {
                     *       "count": 2,
                     *       "days": 14
                     *     }
                     */
                    frequencyCap: {
                        count: number;
                        days: number;
                    };
                    /** @default 60 */
                    lowScoreDays: number;
                    quietHours?: {
                        start: number;
                        end: number;
                    };
                };
                /** @default {} */
                attribution: {
                    /** @default 7 */
                    windowDays: number;
                };
            };
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            publishedAt?: string;
            /** @description The supervisor who published them */
            publishedBy?: {
                sub: string;
                email?: string;
                /** @enum {string} */
                role: "viewer" | "agent" | "supervisor" | "admin";
            };
            /** @description Why they were published, as their publisher said */
            reason?: string;
        };
        PublishCampaignSettingsRequest: {
            /** @description The whole settings document, as GET answers it; defaults apply to omitted settings */
            settings: {
                version: number;
                /** @default {} */
                replenishment: {
                    /** @default true */
                    enabled: boolean;
                    /** @default [] */
                    cycles: ({
                        /** @description Opaque id (storefront or platform generated) */
                        productId: string;
                        days: number;
                    } | {
                        tag: string;
                        days: number;
                    })[];
                    /** @default {} */
                    learned: {
                        /** @default true */
                        enabled: boolean;
                        /** @default 3 */
                        minCustomerOrders: number;
                        /** @default 10 */
                        minProductIntervals: number;
                    };
                    discount?: {
                        percent: number;
                        /** @default 14 */
                        expiresAfterDays: number;
                    };
                };
                /** @default {} */
                winback: {
                    /** @default true */
                    enabled: boolean;
                    /** @default 120 */
                    afterDaysWithoutOrder: number;
                    /**
                     * @default [
                     *       {
                     *         "waitDays": 0
                     *       },
                     *       {
                     *         "waitDays": 14,
                     *         "discount": {
                     *           "percent": 10,
                     *           "expiresAfterDays": 14
                     *         }
                     *       }
                     *     ]
                     */
                    steps: {
                        waitDays: number;
                        discount?: {
                            percent: number;
                            /** @default 14 */
                            expiresAfterDays: number;
                        };
                    }[];
                };
                /** @default {} */
                vip: {
                    /** @default true */
                    enabled: boolean;
                    /** @default 1 */
                    pointsPerUnit: number;
                    /** @default {} */
                    pointsPerUnitByCurrency: {
                        [key: string]: number;
                    };
                    windowDays?: number;
                    /**
                     * @default [
                     *       {
                     *         "id": "silver",
                     *         "name": "Silver",
                     *         "minPoints": 500,
                     *         "benefits": {
                     *           "discountPercent": 5,
                     *           "birthdayMessage": false,
                     *           "sms": false
                     *         }
                     *       },
                     *       {
                     *         "id": "gold",
                     *         "name": "Gold",
                     *         "minPoints": 1500,
                     *         "benefits": {
                     *           "discountPercent": 10,
                     *           "birthdayMessage": true,
                     *           "caseSlaHours": 24,
                     *           "sms": false
                     *         }
                     *       },
                     *       {
                     *         "id": "platinum",
                     *         "name": "Platinum",
                     *         "minPoints": 5000,
                     *         "benefits": {
                     *           "discountPercent": 15,
                     *           "birthdayMessage": true,
                     *           "caseSlaHours": 8,
                     *           "sms": true
                     *         }
                     *       }
                     *     ]
                     */
                    tiers: {
                        id: string;
                        name: string;
                        minPoints: number;
                        /** @default {} */
                        benefits: {
                            /** @default 0 */
                            discountPercent: number;
                            /** @default false */
                            birthdayMessage: boolean;
                            caseSlaHours?: number;
                            /** @default false */
                            sms: boolean;
                        };
                    }[];
                };
                /** @default {} */
                suppression: {
                    /**
                     * @default {
                     *       "count": 2,
                     *       "days": 14
                     *     }
                     */
                    frequencyCap: {
                        count: number;
                        days: number;
                    };
                    /** @default 60 */
                    lowScoreDays: number;
                    quietHours?: {
                        start: number;
                        end: number;
                    };
                };
                /** @default {} */
                attribution: {
                    /** @default 7 */
                    windowDays: number;
                };
            };
            /** @description The `version` you read: publishing fails with 409 if another was published since */
            expectedVersion: number;
            /** @description Why, for the audit trail */
            reason: string;
        };
        /** @description The coming nudges under draft campaign settings, compared with the settings in effect */
        CampaignSettingsDryRun: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            nudges: {
                customerId: string;
                /** @enum {string} */
                kind: "repeat_purchase" | "replenishment" | "cross_sell" | "review_request" | "winback" | "tier_upgrade";
                campaignId: string;
                /** Format: date-time */
                dueAt: string;
                orderId?: string;
                productId?: string;
                /** @description Win-back step, from 0 */
                step?: number;
                cycle?: {
                    days: number;
                    /** @enum {string} */
                    source: "customer_history" | "product_history" | "product" | "tag";
                };
                /** @enum {string} */
                decision: "send" | "suppress";
                /** @enum {string} */
                channel?: "email" | "sms";
                /**
                 * Format: date-time
                 * @description Later than dueAt when quiet hours hold it back
                 */
                sendAt?: string;
                /** @enum {string} */
                reason?: "no_marketing_consent" | "unsubscribed" | "frequency_cap" | "recent_purchase" | "open_return" | "open_refund" | "open_case" | "delivery_delayed" | "low_survey_score" | "tier_excluded" | "campaign_ended";
                /** @description Every suppression rule that applies */
                reasons?: ("no_marketing_consent" | "unsubscribed" | "frequency_cap" | "recent_purchase" | "open_return" | "open_refund" | "open_case" | "delivery_delayed" | "low_survey_score" | "tier_excluded" | "campaign_ended")[];
            }[];
            summary: {
                toSend: number;
                suppressed: number;
                byReason: {
                    no_marketing_consent?: number;
                    unsubscribed?: number;
                    frequency_cap?: number;
                    recent_purchase?: number;
                    open_return?: number;
                    open_refund?: number;
                    open_case?: number;
                    delivery_delayed?: number;
                    low_survey_score?: number;
                    tier_excluded?: number;
                    campaign_ended?: number;
                };
            };
            /** @description Platform id of the shop (tenant) */
            shopId: string;
            /** @description The version in effect, compared with the draft */
            currentVersion: number;
            /** @description The version the draft would become if published now */
            draftVersion: number;
            /** @description The same period under the settings in effect */
            inEffect: {
                toSend: number;
                suppressed: number;
                byReason: {
                    no_marketing_consent?: number;
                    unsubscribed?: number;
                    frequency_cap?: number;
                    recent_purchase?: number;
                    open_return?: number;
                    open_refund?: number;
                    open_case?: number;
                    delivery_delayed?: number;
                    low_survey_score?: number;
                    tier_excluded?: number;
                    campaign_ended?: number;
                };
            };
            /** @description Nudges to send, compared by customer, campaign, step, product and due time */
            difference: {
                /** @description Nudges the draft would send that the settings in effect would not */
                added: number;
                /** @description Nudges the settings in effect would send that the draft would not */
                removed: number;
            };
            basis: components["schemas"]["CampaignBasis"];
        };
        CampaignBasis: {
            /** @description The shop’s latest orders read */
            orders: number;
            /** @description Customers of those orders */
            customers: number;
            /** @description True when the shop has more orders than were read: older history is not seen */
            truncated: boolean;
            /** @description Facts the computation could not read yet, so it assumed none */
            notConsidered: string[];
        };
        CampaignSettingsDryRunRequest: {
            /** @description The draft; its `version` is ignored */
            settings: {
                version: number;
                /** @default {} */
                replenishment: {
                    /** @default true */
                    enabled: boolean;
                    /** @default [] */
                    cycles: ({
                        /** @description Opaque id (storefront or platform generated) */
                        productId: string;
                        days: number;
                    } | {
                        tag: string;
                        days: number;
                    })[];
                    /** @default {} */
                    learned: {
                        /** @default true */
                        enabled: boolean;
                        /** @default 3 */
                        minCustomerOrders: number;
                        /** @default 10 */
                        minProductIntervals: number;
                    };
                    discount?: {
                        percent: number;
                        /** @default 14 */
                        expiresAfterDays: number;
                    };
                };
                /** @default {} */
                winback: {
                    /** @default true */
                    enabled: boolean;
                    /** @default 120 */
                    afterDaysWithoutOrder: number;
                    /**
                     * @default [
                     *       {
                     *         "waitDays": 0
                     *       },
                     *       {
                     *         "waitDays": 14,
                     *         "discount": {
                     *           "percent": 10,
                     *           "expiresAfterDays": 14
                     *         }
                     *       }
                     *     ]
                     */
                    steps: {
                        waitDays: number;
                        discount?: {
                            percent: number;
                            /** @default 14 */
                            expiresAfterDays: number;
                        };
                    }[];
                };
                /** @default {} */
                vip: {
                    /** @default true */
                    enabled: boolean;
                    /** @default 1 */
                    pointsPerUnit: number;
                    /** @default {} */
                    pointsPerUnitByCurrency: {
                        [key: string]: number;
                    };
                    windowDays?: number;
                    /**
                     * @default [
                     *       {
                     *         "id": "silver",
                     *         "name": "Silver",
                     *         "minPoints": 500,
                     *         "benefits": {
                     *           "discountPercent": 5,
                     *           "birthdayMessage": false,
                     *           "sms": false
                     *         }
                     *       },
                     *       {
                     *         "id": "gold",
                     *         "name": "Gold",
                     *         "minPoints": 1500,
                     *         "benefits": {
                     *           "discountPercent": 10,
                     *           "birthdayMessage": true,
                     *           "caseSlaHours": 24,
                     *           "sms": false
                     *         }
                     *       },
                     *       {
                     *         "id": "platinum",
                     *         "name": "Platinum",
                     *         "minPoints": 5000,
                     *         "benefits": {
                     *           "discountPercent": 15,
                     *           "birthdayMessage": true,
                     *           "caseSlaHours": 8,
                     *           "sms": true
                     *         }
                     *       }
                     *     ]
                     */
                    tiers: {
                        id: string;
                        name: string;
                        minPoints: number;
                        /** @default {} */
                        benefits: {
                            /** @default 0 */
                            discountPercent: number;
                            /** @default false */
                            birthdayMessage: boolean;
                            caseSlaHours?: number;
                            /** @default false */
                            sms: boolean;
                        };
                    }[];
                };
                /** @default {} */
                suppression: {
                    /**
                     * @default {
                     *       "count": 2,
                     *       "days": 14
                     *     }
                     */
                    frequencyCap: {
                        count: number;
                        days: number;
                    };
                    /** @default 60 */
                    lowScoreDays: number;
                    quietHours?: {
                        start: number;
                        end: number;
                    };
                };
                /** @default {} */
                attribution: {
                    /** @default 7 */
                    windowDays: number;
                };
            };
            /**
             * Format: date-time
             * @description Start of the period (default: now)
             */
            from?: string;
            /**
             * @description Length of the period in days (1 to 31, default 7)
             * @default 7
             */
            days: number;
        };
        NudgePreview: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            nudges: {
                customerId: string;
                /** @enum {string} */
                kind: "repeat_purchase" | "replenishment" | "cross_sell" | "review_request" | "winback" | "tier_upgrade";
                campaignId: string;
                /** Format: date-time */
                dueAt: string;
                orderId?: string;
                productId?: string;
                /** @description Win-back step, from 0 */
                step?: number;
                cycle?: {
                    days: number;
                    /** @enum {string} */
                    source: "customer_history" | "product_history" | "product" | "tag";
                };
                /** @enum {string} */
                decision: "send" | "suppress";
                /** @enum {string} */
                channel?: "email" | "sms";
                /**
                 * Format: date-time
                 * @description Later than dueAt when quiet hours hold it back
                 */
                sendAt?: string;
                /** @enum {string} */
                reason?: "no_marketing_consent" | "unsubscribed" | "frequency_cap" | "recent_purchase" | "open_return" | "open_refund" | "open_case" | "delivery_delayed" | "low_survey_score" | "tier_excluded" | "campaign_ended";
                /** @description Every suppression rule that applies */
                reasons?: ("no_marketing_consent" | "unsubscribed" | "frequency_cap" | "recent_purchase" | "open_return" | "open_refund" | "open_case" | "delivery_delayed" | "low_survey_score" | "tier_excluded" | "campaign_ended")[];
            }[];
            summary: {
                toSend: number;
                suppressed: number;
                byReason: {
                    no_marketing_consent?: number;
                    unsubscribed?: number;
                    frequency_cap?: number;
                    recent_purchase?: number;
                    open_return?: number;
                    open_refund?: number;
                    open_case?: number;
                    delivery_delayed?: number;
                    low_survey_score?: number;
                    tier_excluded?: number;
                    campaign_ended?: number;
                };
            };
            /** @description Platform id of the shop (tenant) */
            shopId: string;
            basis: components["schemas"]["CampaignBasis"];
        };
        CampaignResults: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            windowDays: number;
            /** @description How orders are attributed */
            rule: string;
            totals: {
                /** @description The campaign, product or tier id; `none` for nudges without one */
                key: string;
                sent: number;
                /** @description Nudges with at least one attributed order */
                converted: number;
                /** @description converted / sent (0 when none sent) */
                conversionRate: number;
                orders: number;
                /** @description Net of refunds, per currency */
                revenue: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                }[];
            };
            byCampaign: {
                /** @description The campaign, product or tier id; `none` for nudges without one */
                key: string;
                sent: number;
                /** @description Nudges with at least one attributed order */
                converted: number;
                /** @description converted / sent (0 when none sent) */
                conversionRate: number;
                orders: number;
                /** @description Net of refunds, per currency */
                revenue: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                }[];
            }[];
            byProduct: {
                /** @description The campaign, product or tier id; `none` for nudges without one */
                key: string;
                sent: number;
                /** @description Nudges with at least one attributed order */
                converted: number;
                /** @description converted / sent (0 when none sent) */
                conversionRate: number;
                orders: number;
                /** @description Net of refunds, per currency */
                revenue: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                }[];
            }[];
            byTier: {
                /** @description The campaign, product or tier id; `none` for nudges without one */
                key: string;
                sent: number;
                /** @description Nudges with at least one attributed order */
                converted: number;
                /** @description converted / sent (0 when none sent) */
                conversionRate: number;
                orders: number;
                /** @description Net of refunds, per currency */
                revenue: {
                    /** @description Amount in the minor unit of the currency (e.g. cents) */
                    amount: number;
                    /** @description ISO 4217 currency code */
                    currency: string;
                }[];
            }[];
            /** @description Platform id of the shop (tenant) */
            shopId: string;
            basis: components["schemas"]["CampaignBasis"];
        };
        /** @description One page of results, in the requested order */
        DelayedOrderPage: {
            items: components["schemas"]["DelayedOrder"][];
            /** @description Pass as `cursor` for the next page; absent on the last page */
            nextCursor?: string;
        };
        /** @description An order with at least one open delay */
        DelayedOrder: {
            /** @description Opaque id (storefront or platform generated) */
            orderId: string;
            orderNumber?: string;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            placedAt: string;
            /** @enum {string} */
            phase: "awaiting_shipment" | "in_transit" | "delivered" | "cancelled" | "nothing_to_ship";
            /** @description Carrier code of the latest shipment */
            carrier?: string;
            /** @description ISO 3166-1 alpha-2 country code */
            destinationCountry?: string;
            /** @description The order’s open delays, earliest detection first */
            openDelays: {
                /** @description Opaque id (storefront or platform generated) */
                delayId: string;
                /** @enum {string} */
                reason: "not_shipped_in_time" | "delivery_overdue" | "tracking_stalled" | "carrier_exception" | "customs_hold" | "delivery_failed" | "lost_in_transit" | "returned_to_sender";
                /** @enum {string} */
                severity: "low" | "medium" | "high" | "critical";
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                detectedAt: string;
                /**
                 * Format: date-time
                 * @description The deadline it missed
                 */
                promisedBy?: string;
                /**
                 * Format: date-time
                 * @description When the order is now expected
                 */
                estimatedAt?: string;
                /** @description The carrier code of the late parcel, when the delay is about one */
                carrier?: string;
            }[];
            /** @description Whether the customer was told about a delay of the order */
            customerNotified: boolean;
            /**
             * Format: date-time
             * @description When the customer was first told
             */
            customerNotifiedAt?: string;
            /** @description The latest delay message the customer got */
            lastNotice?: {
                /** @enum {string} */
                messageType: "delay_apology" | "delay_update" | "delay_choice" | "delay_courtesy";
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                at: string;
            };
            /**
             * Format: date-time
             * @description When the customer first contacted the shop about the order (their parcel claim or return, a helpdesk ticket)
             */
            customerContactedAt?: string;
            /** @description The customer’s VIP tier now; null when none (or the customer is not known) */
            tier: {
                /** @description The tier id of the shop’s VIP settings */
                id: string;
                /** @description Its display name */
                name: string;
                /** @description The customer’s points */
                points: number;
            } | null;
        };
        /** @description The measures of the delay flow over the orders placed in a period */
        DelayMetrics: {
            /** @description Platform id of the shop (tenant) */
            shopId: string;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            from: string;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            to: string;
            /** @description Orders placed in the period (the population measured) */
            ordersPlaced: number;
            /** @description False when the period held more orders than one request reads: narrow the period */
            complete: boolean;
            /** @description Orders of the period with at least one delay, open or resolved */
            delayedOrders: number;
            /** @description Delayed orders whose customer was told before contacting the shop (or never had to) */
            toldFirst: {
                orders: number;
                /** @description Of the delayed orders, 4 decimals; null when none */
                share: number | null;
            };
            notifiedOrders: number;
            /** @description From the first detection to the first notice, per notified order */
            detectionToNotificationMinutes: {
                count: number;
                p50: number | null;
                p90: number | null;
            };
            byReason: {
                /** @enum {string} */
                reason: "not_shipped_in_time" | "delivery_overdue" | "tracking_stalled" | "carrier_exception" | "customs_hold" | "delivery_failed" | "lost_in_transit" | "returned_to_sender";
                orders: number;
            }[];
            /** @description Delay rate per carrier, highest first */
            byCarrier: {
                /** @description The carrier code or destination country; `unknown` when not known */
                key: string;
                /** @description Orders of the period that shipped or were delayed */
                shippedOrders: number;
                delayedOrders: number;
                /** @description delayed / shipped (4 decimals); null when none */
                rate: number | null;
            }[];
            /** @description Delay rate per destination country, highest first */
            byDestination: {
                /** @description The carrier code or destination country; `unknown` when not known */
                key: string;
                /** @description Orders of the period that shipped or were delayed */
                shippedOrders: number;
                delayedOrders: number;
                /** @description delayed / shipped (4 decimals); null when none */
                rate: number | null;
            }[];
        };
        /** @description A shop’s delay settings in effect, and who published them */
        DelaySettingsVersion: {
            /** @description Platform id of the shop (tenant) */
            shopId: string;
            /** @description The published version in effect; 0: never published here, the shop config’s settings (or the defaults) apply. Pass as `expectedVersion` to publish the next one */
            version: number;
            /** @description Handling and transit times, calendar, stalled tracking, severity, customer notices, ladder and courtesy discount */
            settings: {
                /**
                 * @description The published version; 0 for settings never published through the ops API
                 * @default 0
                 */
                version: number;
                /** @default true */
                enabled: boolean;
                /** @default {} */
                handling: {
                    /**
                     * @description Business days from the order to shipping, when no method rule matches
                     * @default 2
                     */
                    defaultDays: number;
                    /**
                     * @description First matching rule wins
                     * @default []
                     */
                    byShippingMethod: {
                        code?: string;
                        titleContains?: string;
                        /** @description Handling business days for this method */
                        days: number;
                    }[];
                };
                /**
                 * @description ISO weekdays the shop ships: 1 = Monday ... 7 = Sunday
                 * @default [
                 *       1,
                 *       2,
                 *       3,
                 *       4,
                 *       5
                 *     ]
                 */
                businessDays: number[];
                /**
                 * @description Days the shop does not ship, in its time zone
                 * @default []
                 */
                holidays: string[];
                /** @default {} */
                transit: {
                    /**
                     * @description Days in transit when no country or carrier rule matches
                     * @default 5
                     */
                    defaultDays: number;
                    /**
                     * @description Business days use the shop's calendar
                     * @default business_days
                     * @enum {string}
                     */
                    unit: "business_days" | "calendar_days";
                    /** @default [] */
                    byCountry: {
                        /** @description ISO 3166-1 alpha-2 country code */
                        countryCode: string;
                        days: number;
                    }[];
                    /** @default [] */
                    byCarrier: {
                        /** @description Lowercase carrier code, as on shipments: ups, dhl_express, colissimo... */
                        carrier: string;
                        /** @description ISO 3166-1 alpha-2 country code */
                        countryCode?: string;
                        days: number;
                    }[];
                };
                /** @default {} */
                stalled: {
                    /**
                     * @description Days without a carrier event before tracking counts as stalled
                     * @default 5
                     */
                    defaultDays: number;
                    /** @default [] */
                    byCarrier: {
                        /** @description Lowercase carrier code, as on shipments: ups, dhl_express, colissimo... */
                        carrier: string;
                        days: number;
                    }[];
                };
                /** @default {} */
                severity: {
                    /**
                     * @description Severity at detection, per reason; the rest keep their default
                     * @default {}
                     */
                    byReason: {
                        /** @enum {string} */
                        not_shipped_in_time?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        delivery_overdue?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        tracking_stalled?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        carrier_exception?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        customs_hold?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        delivery_failed?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        lost_in_transit?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        returned_to_sender?: "low" | "medium" | "high" | "critical";
                    };
                    /** @default {} */
                    escalateAfterDays: {
                        /** @default 2 */
                        medium: number;
                        /** @default 7 */
                        high: number;
                        /** @default 21 */
                        critical: number;
                    };
                };
                /**
                 * @default [
                 *       "not_shipped_in_time",
                 *       "delivery_overdue",
                 *       "tracking_stalled",
                 *       "carrier_exception",
                 *       "customs_hold",
                 *       "delivery_failed",
                 *       "lost_in_transit",
                 *       "returned_to_sender"
                 *     ]
                 */
                notifyCustomerOf: ("not_shipped_in_time" | "delivery_overdue" | "tracking_stalled" | "carrier_exception" | "customs_hold" | "delivery_failed" | "lost_in_transit" | "returned_to_sender")[];
                /**
                 * @default [
                 *       {
                 *         "afterDays": 11,
                 *         "action": "reassure"
                 *       },
                 *       {
                 *         "afterDays": 25,
                 *         "action": "offer_choice",
                 *         "choices": [
                 *           "refund",
                 *           "reship"
                 *         ]
                 *       }
                 *     ]
                 */
                ladder: ({
                    afterDays: number;
                    /** @enum {string} */
                    action: "reassure";
                } | {
                    afterDays: number;
                    /** @enum {string} */
                    action: "offer_choice";
                    /**
                     * @description Both options, the recommended one first
                     * @default [
                     *       "refund",
                     *       "reship"
                     *     ]
                     */
                    choices: ("refund" | "reship")[];
                })[];
                /** @default 3 */
                reestimateDays: number;
                /** @description A discount code on a long delay, at most once per order */
                compensation?: {
                    /** @description Calendar days past the original deliver-by */
                    afterDays: number;
                    /** @description What the code takes off the customer's next order: {type: 'percent', percent} or {type: 'fixed_amount', amount} */
                    discount: {
                        /** @enum {string} */
                        type: "percent";
                        percent: number;
                    } | {
                        /** @enum {string} */
                        type: "fixed_amount";
                        /** @description Money: integer minor units and ISO 4217 currency */
                        amount: {
                            /** @description Amount in the minor unit of the currency (e.g. cents) */
                            amount: number;
                            /** @description ISO 4217 currency code */
                            currency: string;
                        };
                    };
                    /**
                     * @description The code expires this many days after it is given
                     * @default 60
                     */
                    validDays: number;
                    /**
                     * @description The code starts with it
                     * @default Sorry
                     */
                    codePrefix: string;
                };
            };
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            publishedAt?: string;
            /** @description The supervisor who published them */
            publishedBy?: {
                sub: string;
                email?: string;
                /** @enum {string} */
                role: "viewer" | "agent" | "supervisor" | "admin";
            };
            /** @description Why they were published, as their publisher said */
            reason?: string;
        };
        PublishDelaySettingsRequest: {
            /** @description The whole settings document, as GET answers it; defaults apply to omitted settings; its `version` is ignored */
            settings: {
                /**
                 * @description The published version; 0 for settings never published through the ops API
                 * @default 0
                 */
                version: number;
                /** @default true */
                enabled: boolean;
                /** @default {} */
                handling: {
                    /**
                     * @description Business days from the order to shipping, when no method rule matches
                     * @default 2
                     */
                    defaultDays: number;
                    /**
                     * @description First matching rule wins
                     * @default []
                     */
                    byShippingMethod: {
                        code?: string;
                        titleContains?: string;
                        /** @description Handling business days for this method */
                        days: number;
                    }[];
                };
                /**
                 * @description ISO weekdays the shop ships: 1 = Monday ... 7 = Sunday
                 * @default [
                 *       1,
                 *       2,
                 *       3,
                 *       4,
                 *       5
                 *     ]
                 */
                businessDays: number[];
                /**
                 * @description Days the shop does not ship, in its time zone
                 * @default []
                 */
                holidays: string[];
                /** @default {} */
                transit: {
                    /**
                     * @description Days in transit when no country or carrier rule matches
                     * @default 5
                     */
                    defaultDays: number;
                    /**
                     * @description Business days use the shop's calendar
                     * @default business_days
                     * @enum {string}
                     */
                    unit: "business_days" | "calendar_days";
                    /** @default [] */
                    byCountry: {
                        /** @description ISO 3166-1 alpha-2 country code */
                        countryCode: string;
                        days: number;
                    }[];
                    /** @default [] */
                    byCarrier: {
                        /** @description Lowercase carrier code, as on shipments: ups, dhl_express, colissimo... */
                        carrier: string;
                        /** @description ISO 3166-1 alpha-2 country code */
                        countryCode?: string;
                        days: number;
                    }[];
                };
                /** @default {} */
                stalled: {
                    /**
                     * @description Days without a carrier event before tracking counts as stalled
                     * @default 5
                     */
                    defaultDays: number;
                    /** @default [] */
                    byCarrier: {
                        /** @description Lowercase carrier code, as on shipments: ups, dhl_express, colissimo... */
                        carrier: string;
                        days: number;
                    }[];
                };
                /** @default {} */
                severity: {
                    /**
                     * @description Severity at detection, per reason; the rest keep their default
                     * @default {}
                     */
                    byReason: {
                        /** @enum {string} */
                        not_shipped_in_time?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        delivery_overdue?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        tracking_stalled?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        carrier_exception?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        customs_hold?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        delivery_failed?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        lost_in_transit?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        returned_to_sender?: "low" | "medium" | "high" | "critical";
                    };
                    /** @default {} */
                    escalateAfterDays: {
                        /** @default 2 */
                        medium: number;
                        /** @default 7 */
                        high: number;
                        /** @default 21 */
                        critical: number;
                    };
                };
                /**
                 * @default [
                 *       "not_shipped_in_time",
                 *       "delivery_overdue",
                 *       "tracking_stalled",
                 *       "carrier_exception",
                 *       "customs_hold",
                 *       "delivery_failed",
                 *       "lost_in_transit",
                 *       "returned_to_sender"
                 *     ]
                 */
                notifyCustomerOf: ("not_shipped_in_time" | "delivery_overdue" | "tracking_stalled" | "carrier_exception" | "customs_hold" | "delivery_failed" | "lost_in_transit" | "returned_to_sender")[];
                /**
                 * @default [
                 *       {
                 *         "afterDays": 11,
                 *         "action": "reassure"
                 *       },
                 *       {
                 *         "afterDays": 25,
                 *         "action": "offer_choice",
                 *         "choices": [
                 *           "refund",
                 *           "reship"
                 *         ]
                 *       }
                 *     ]
                 */
                ladder: ({
                    afterDays: number;
                    /** @enum {string} */
                    action: "reassure";
                } | {
                    afterDays: number;
                    /** @enum {string} */
                    action: "offer_choice";
                    /**
                     * @description Both options, the recommended one first
                     * @default [
                     *       "refund",
                     *       "reship"
                     *     ]
                     */
                    choices: ("refund" | "reship")[];
                })[];
                /** @default 3 */
                reestimateDays: number;
                /** @description A discount code on a long delay, at most once per order */
                compensation?: {
                    /** @description Calendar days past the original deliver-by */
                    afterDays: number;
                    /** @description What the code takes off the customer's next order: {type: 'percent', percent} or {type: 'fixed_amount', amount} */
                    discount: {
                        /** @enum {string} */
                        type: "percent";
                        percent: number;
                    } | {
                        /** @enum {string} */
                        type: "fixed_amount";
                        /** @description Money: integer minor units and ISO 4217 currency */
                        amount: {
                            /** @description Amount in the minor unit of the currency (e.g. cents) */
                            amount: number;
                            /** @description ISO 4217 currency code */
                            currency: string;
                        };
                    };
                    /**
                     * @description The code expires this many days after it is given
                     * @default 60
                     */
                    validDays: number;
                    /**
                     * @description The code starts with it
                     * @default Sorry
                     */
                    codePrefix: string;
                };
            };
            /** @description The `version` you read: publishing fails with 409 if another was published since */
            expectedVersion: number;
            /** @description Why, for the audit trail */
            reason: string;
        };
        /** @description The open orders whose deadlines draft delay settings would decide differently */
        DelaySettingsDryRun: {
            /** @description Platform id of the shop (tenant) */
            shopId: string;
            /** @description The version in effect, compared with the draft */
            currentVersion: number;
            /** @description The version the draft would become if published now */
            draftVersion: number;
            /**
             * Format: date-time
             * @description Lateness is as of this instant
             */
            evaluatedAt: string;
            totals: {
                /** @description Orders read: the shop’s latest, up to the number asked */
                orders: number;
                /** @description Of those, awaiting shipment or in transit */
                open: number;
                /** @description Open orders the draft decides differently */
                changed: number;
                shipByMoved: number;
                deliverByMoved: number;
                /** @description Late under the draft, not under the settings in effect */
                becomeLate: number;
                noLongerLate: number;
            };
            changes: {
                /** @description Opaque id (storefront or platform generated) */
                orderId: string;
                orderNumber: string;
                /** @enum {string} */
                phase: "awaiting_shipment" | "in_transit";
                /** @description What differs */
                changed: ("watched" | "shipBy" | "deliverBy" | "trackingStalled" | "late" | "ladder")[];
                /** @description Under the settings in effect */
                before: {
                    /** @description False when the settings turn the delay flow off */
                    watched: boolean;
                    /**
                     * Format: date-time
                     * @description While awaiting shipment
                     */
                    shipBy?: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 date-time in UTC
                     */
                    deliverBy?: string;
                    /**
                     * Format: date-time
                     * @description When the tracking of the parcel that stalls first counts as stalled
                     */
                    trackingStalledAt?: string;
                    /** @description The deadlines already passed */
                    late: ("not_shipped_in_time" | "delivery_overdue" | "tracking_stalled")[];
                    /** @description For an order with an open delay: the next ladder step to come */
                    nextLadderStep?: {
                        step: number;
                        /** @enum {string} */
                        action: "reassure" | "offer_choice";
                        /**
                         * Format: date-time
                         * @description ISO 8601 date-time in UTC
                         */
                        dueAt: string;
                    };
                };
                /** @description Under the draft */
                after: {
                    /** @description False when the settings turn the delay flow off */
                    watched: boolean;
                    /**
                     * Format: date-time
                     * @description While awaiting shipment
                     */
                    shipBy?: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 date-time in UTC
                     */
                    deliverBy?: string;
                    /**
                     * Format: date-time
                     * @description When the tracking of the parcel that stalls first counts as stalled
                     */
                    trackingStalledAt?: string;
                    /** @description The deadlines already passed */
                    late: ("not_shipped_in_time" | "delivery_overdue" | "tracking_stalled")[];
                    /** @description For an order with an open delay: the next ladder step to come */
                    nextLadderStep?: {
                        step: number;
                        /** @enum {string} */
                        action: "reassure" | "offer_choice";
                        /**
                         * Format: date-time
                         * @description ISO 8601 date-time in UTC
                         */
                        dueAt: string;
                    };
                };
            }[];
        };
        DelaySettingsDryRunRequest: {
            /** @description The draft; its `version` is ignored */
            settings: {
                /**
                 * @description The published version; 0 for settings never published through the ops API
                 * @default 0
                 */
                version: number;
                /** @default true */
                enabled: boolean;
                /** @default {} */
                handling: {
                    /**
                     * @description Business days from the order to shipping, when no method rule matches
                     * @default 2
                     */
                    defaultDays: number;
                    /**
                     * @description First matching rule wins
                     * @default []
                     */
                    byShippingMethod: {
                        code?: string;
                        titleContains?: string;
                        /** @description Handling business days for this method */
                        days: number;
                    }[];
                };
                /**
                 * @description ISO weekdays the shop ships: 1 = Monday ... 7 = Sunday
                 * @default [
                 *       1,
                 *       2,
                 *       3,
                 *       4,
                 *       5
                 *     ]
                 */
                businessDays: number[];
                /**
                 * @description Days the shop does not ship, in its time zone
                 * @default []
                 */
                holidays: string[];
                /** @default {} */
                transit: {
                    /**
                     * @description Days in transit when no country or carrier rule matches
                     * @default 5
                     */
                    defaultDays: number;
                    /**
                     * @description Business days use the shop's calendar
                     * @default business_days
                     * @enum {string}
                     */
                    unit: "business_days" | "calendar_days";
                    /** @default [] */
                    byCountry: {
                        /** @description ISO 3166-1 alpha-2 country code */
                        countryCode: string;
                        days: number;
                    }[];
                    /** @default [] */
                    byCarrier: {
                        /** @description Lowercase carrier code, as on shipments: ups, dhl_express, colissimo... */
                        carrier: string;
                        /** @description ISO 3166-1 alpha-2 country code */
                        countryCode?: string;
                        days: number;
                    }[];
                };
                /** @default {} */
                stalled: {
                    /**
                     * @description Days without a carrier event before tracking counts as stalled
                     * @default 5
                     */
                    defaultDays: number;
                    /** @default [] */
                    byCarrier: {
                        /** @description Lowercase carrier code, as on shipments: ups, dhl_express, colissimo... */
                        carrier: string;
                        days: number;
                    }[];
                };
                /** @default {} */
                severity: {
                    /**
                     * @description Severity at detection, per reason; the rest keep their default
                     * @default {}
                     */
                    byReason: {
                        /** @enum {string} */
                        not_shipped_in_time?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        delivery_overdue?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        tracking_stalled?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        carrier_exception?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        customs_hold?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        delivery_failed?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        lost_in_transit?: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        returned_to_sender?: "low" | "medium" | "high" | "critical";
                    };
                    /** @default {} */
                    escalateAfterDays: {
                        /** @default 2 */
                        medium: number;
                        /** @default 7 */
                        high: number;
                        /** @default 21 */
                        critical: number;
                    };
                };
                /**
                 * @default [
                 *       "not_shipped_in_time",
                 *       "delivery_overdue",
                 *       "tracking_stalled",
                 *       "carrier_exception",
                 *       "customs_hold",
                 *       "delivery_failed",
                 *       "lost_in_transit",
                 *       "returned_to_sender"
                 *     ]
                 */
                notifyCustomerOf: ("not_shipped_in_time" | "delivery_overdue" | "tracking_stalled" | "carrier_exception" | "customs_hold" | "delivery_failed" | "lost_in_transit" | "returned_to_sender")[];
                /**
                 * @default [
                 *       {
                 *         "afterDays": 11,
                 *         "action": "reassure"
                 *       },
                 *       {
                 *         "afterDays": 25,
                 *         "action": "offer_choice",
                 *         "choices": [
                 *           "refund",
                 *           "reship"
                 *         ]
                 *       }
                 *     ]
                 */
                ladder: ({
                    afterDays: number;
                    /** @enum {string} */
                    action: "reassure";
                } | {
                    afterDays: number;
                    /** @enum {string} */
                    action: "offer_choice";
                    /**
                     * @description Both options, the recommended one first
                     * @default [
                     *       "refund",
                     *       "reship"
                     *     ]
                     */
                    choices: ("refund" | "reship")[];
                })[];
                /** @default 3 */
                reestimateDays: number;
                /** @description A discount code on a long delay, at most once per order */
                compensation?: {
                    /** @description Calendar days past the original deliver-by */
                    afterDays: number;
                    /** @description What the code takes off the customer's next order: {type: 'percent', percent} or {type: 'fixed_amount', amount} */
                    discount: {
                        /** @enum {string} */
                        type: "percent";
                        percent: number;
                    } | {
                        /** @enum {string} */
                        type: "fixed_amount";
                        /** @description Money: integer minor units and ISO 4217 currency */
                        amount: {
                            /** @description Amount in the minor unit of the currency (e.g. cents) */
                            amount: number;
                            /** @description ISO 4217 currency code */
                            currency: string;
                        };
                    };
                    /**
                     * @description The code expires this many days after it is given
                     * @default 60
                     */
                    validDays: number;
                    /**
                     * @description The code starts with it
                     * @default Sorry
                     */
                    codePrefix: string;
                };
            };
            /**
             * @description How many of the shop’s latest orders to read (1 to 1000, default 200)
             * @default 200
             */
            orders: number;
        };
        HelpdeskTicketAck: {
            /** @enum {string} */
            status: "recorded" | "ignored";
            /** @description Opaque id (storefront or platform generated) */
            orderId?: string;
            /** @description Why nothing was recorded */
            detail?: string;
        };
        /** @description A ticket a customer opened in the shop’s helpdesk */
        HelpdeskTicket: {
            /** @description The helpdesk’s id of the ticket */
            ticketId: string;
            /**
             * Format: date-time
             * @description When the customer opened the ticket
             */
            createdAt: string;
            /** @description The order the ticket is about, as the customer knows it (#1001 or 1001) */
            orderNumber?: string;
            /**
             * Format: email
             * @description The customer’s email: picks the order when two share a number
             */
            email?: string;
        };
        /** @description The service team’s KPIs over whole UTC days */
        Kpis: {
            /** @description Platform id of the shop (tenant) */
            shopId: string;
            /**
             * Format: date-time
             * @description Start of the first UTC day counted
             */
            from: string;
            /**
             * Format: date-time
             * @description End of the last UTC day counted (exclusive)
             */
            to: string;
            satisfaction: {
                /** @description CSAT surveys answered */
                answered: number;
                /** @description Answered with 4 or 5 */
                satisfied: number;
                /** @description A share from 0 to 1 (4 decimals); null when there is nothing to divide by */
                share: number | null;
                /** @description The target share of satisfied customers */
                target: number;
                /** @description share ≥ target; null when nothing was answered */
                met: boolean | null;
                drillDown: components["schemas"]["KpiDrillDown"];
            };
            returns: {
                /** @description Orders placed */
                orders: number;
                /** @description Returns requested */
                returns: number;
                /** @description returns / orders placed in the period; null when no orders */
                returnRate: number | null;
                approved: number;
                rejected: number;
                resolved: number;
                /** @description Most frequent first; a return with lines of two reasons counts for both */
                byReason: {
                    /** @enum {string} */
                    reason: "damaged" | "defective" | "wrong_item" | "not_as_described" | "missing_parts" | "too_small" | "too_large" | "arrived_late" | "changed_mind" | "other";
                    returns: number;
                    /** @description Of the returns requested */
                    share: number | null;
                    drillDown: components["schemas"]["KpiDrillDown"];
                }[];
                drillDown: components["schemas"]["KpiDrillDown"];
            };
            refunds: {
                /** @description Refunds issued */
                issued: number;
                /** @description Store credits issued */
                storeCredits: number;
                /** @description Refunds and credits whose start (return request or claim decision) is known */
                measured: number;
                /** @description From the return request or parcel claim to the money or credit going back */
                averageCycleHours: number | null;
                drillDown: components["schemas"]["KpiDrillDown"];
            };
            firstResponse: {
                /** @description Return cases with a first response (approval or rejection) in the period */
                count: number;
                /** @description From the return request to the first response (approval or rejection), on average */
                averageHours: number | null;
                /** @description Of those, how many came by the case’s SLA due time (`deadlines.slaDueAt`) */
                withinSla: number;
                /** @description A share from 0 to 1 (4 decimals); null when there is nothing to divide by */
                withinSlaShare: number | null;
                drillDown: components["schemas"]["KpiDrillDown"];
            };
            resolution: {
                /** @description Return cases with a resolution in the period */
                count: number;
                /** @description From the return request to the resolution, on average */
                averageHours: number | null;
                /** @description Of those, how many were resolved within the case’s SLA length (`deadlines.slaDueAt` − `createdAt`) counted from the parcel’s receipt, or from the request when nothing came back */
                withinSla: number;
                /** @description A share from 0 to 1 (4 decimals); null when there is nothing to divide by */
                withinSlaShare: number | null;
                drillDown: components["schemas"]["KpiDrillDown"];
            };
            delays: {
                /** @description Delays detected */
                detected: number;
                /** @description Orders whose first delay was detected in the period */
                delayedOrders: number;
                /** @description Delayed orders whose customer got a delay notice (first notice in the period) */
                toldFirst: number;
                /** @description toldFirst / delayedOrders. Customer contacts are not recorded yet, so every notified order counts as told first */
                toldFirstShare: number | null;
                drillDown: components["schemas"]["KpiDrillDown"];
            };
            nudges: {
                sent: number;
                /** @description Orders attributed to a nudge (NudgeConverted: placed within the attribution window after a nudge) */
                conversions: number;
                /** @description A share from 0 to 1 (4 decimals); null when there is nothing to divide by */
                conversionRate: number | null;
                /** @description Revenue of the attributed orders, per currency */
                revenue: {
                    /** @description Minor units */
                    amount: number;
                    currency: string;
                }[];
                drillDown: components["schemas"]["KpiDrillDown"];
            };
            /** @description Every UTC day of the period, oldest first, with its raw counters */
            daily: components["schemas"]["KpiDay"][];
        };
        /** @description Where to find the records behind a figure */
        KpiDrillDown: {
            /** @description The ops operation that lists the records behind the figure */
            operationId: string;
            /** @description Its query parameters */
            query: {
                [key: string]: string;
            };
        };
        /** @description The raw counters of one UTC day, for charts and CSV export: durations are sums in seconds (`firstResponseSeconds` over `firstResponses`...), `reason_<reason>` counts returns per reason. */
        KpiDay: {
            /**
             * Format: date
             * @description UTC day
             */
            date: string;
            ordersPlaced: number;
            returnsRequested: number;
            returnsApproved: number;
            returnsRejected: number;
            returnsResolved: number;
            refundsIssued: number;
            storeCreditsIssued: number;
            refundCycles: number;
            refundCycleSeconds: number;
            firstResponses: number;
            firstResponseSeconds: number;
            firstResponsesWithinSla: number;
            resolutions: number;
            resolutionSeconds: number;
            resolutionsWithinSla: number;
            surveysAnswered: number;
            surveysSatisfied: number;
            delaysDetected: number;
            delayedOrders: number;
            delayedOrdersToldFirst: number;
            nudgesSent: number;
            nudgeConversions: number;
            reason_damaged: number;
            reason_defective: number;
            reason_wrong_item: number;
            reason_not_as_described: number;
            reason_missing_parts: number;
            reason_too_small: number;
            reason_too_large: number;
            reason_arrived_late: number;
            reason_changed_mind: number;
            reason_other: number;
        };
        /** @description One page of results, in the requested order */
        PrivacyExportPage: {
            items: components["schemas"]["PrivacyExportSummary"][];
            /** @description Pass as `cursor` for the next page; absent on the last page */
            nextCursor?: string;
        };
        /** @description A customer data export, without its records */
        PrivacyExportSummary: {
            /** @description Opaque id (storefront or platform generated) */
            exportId: string;
            /** @description Platform id of the shop (tenant) */
            shopId: string;
            /** @description Opaque id (storefront or platform generated) */
            customerId: string;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            requestedAt: string;
            /** @description The customer’s orders found */
            orderIds: string[];
            /** @description The customer’s returns found */
            returnIds: string[];
            /** @description Records in the export */
            records: number;
            /** @description Epoch seconds after which the export is deleted */
            expiresAt: number;
        };
        /** @description Everything we hold about a customer, as gathered for their data request */
        PrivacyExport: {
            /** @description Opaque id (storefront or platform generated) */
            exportId: string;
            /** @description Platform id of the shop (tenant) */
            shopId: string;
            /** @description Opaque id (storefront or platform generated) */
            customerId: string;
            /**
             * Format: date-time
             * @description ISO 8601 date-time in UTC
             */
            requestedAt: string;
            /** @description The customer’s orders found */
            orderIds: string[];
            /** @description The customer’s returns found */
            returnIds: string[];
            /** @description Records in the export */
            records: number;
            /** @description Epoch seconds after which the export is deleted */
            expiresAt: number;
            data: {
                /** @description Opaque id (storefront or platform generated) */
                exportId: string;
                /** @description Platform id of the shop (tenant) */
                shopId: string;
                /** @description Opaque id (storefront or platform generated) */
                customerId: string;
                /**
                 * Format: date-time
                 * @description ISO 8601 date-time in UTC
                 */
                requestedAt: string;
                orderIds: string[];
                returnIds: string[];
                records: {
                    /** @description What the record is: ORDER, RETURN, NOTIFICATION, DELIVERY (a raw webhook, decoded)... */
                    kind: string;
                    key: string;
                    data: {
                        [key: string]: unknown;
                    };
                }[];
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    getEventCatalogue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalogue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventCatalogue"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI 3.1 document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenApiDocument"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    receiveShopifyWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The shop, as listed under `shopify.domain` in the shops secret */
                "x-shopify-shop-domain": string;
                /** @description Base64 HMAC-SHA256 of the raw body with the webhook secret */
                "x-shopify-hmac-sha256": string;
                /** @description `orders/create`, `fulfillments/update`, `refunds/create`... */
                "x-shopify-topic": string;
                /** @description Identifies the event across retries (preferred for deduplication) */
                "x-shopify-event-id"?: string;
                /** @description Identifies the delivery; used when the event id is absent */
                "x-shopify-webhook-id"?: string;
                "x-shopify-triggered-at"?: string;
                "x-shopify-api-version"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description The Shopify resource (order, fulfillment, refund or customer) */
        requestBody: {
            content: {
                "application/json": components["schemas"]["StorefrontPayload"];
            };
        };
        responses: {
            /** @description Accepted (stored and queued), a duplicate of a stored delivery, or a ping */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAck"];
                };
            };
            /** @description Authentic but unusable (malformed JSON, unsupported topic, missing id): kept in quarantine for ops; `detail` names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unknown shop, or a missing or forged signature: nothing is kept */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body exceeds 1 MiB (or 350 KiB once compressed for storage): nothing is kept */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Content-Type is not application/json: kept in quarantine for ops */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    receiveWooCommerceWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The store URL, as listed under `woocommerce.source` in the shops secret */
                "x-wc-webhook-source": string;
                /** @description Base64 HMAC-SHA256 of the raw body with the webhook secret */
                "x-wc-webhook-signature": string;
                /** @description `order.created`, `order.updated`, `order.deleted` or `order.restored` */
                "x-wc-webhook-topic": string;
                "x-wc-webhook-id"?: string;
                "x-wc-webhook-delivery-id"?: string;
                "x-wc-webhook-resource"?: string;
                "x-wc-webhook-event"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description The WooCommerce order (REST API v3 shape) */
        requestBody: {
            content: {
                "application/json": components["schemas"]["StorefrontPayload"];
            };
        };
        responses: {
            /** @description Accepted (stored and queued), a duplicate of a stored delivery, or a ping */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAck"];
                };
            };
            /** @description Authentic but unusable (malformed JSON, unsupported topic, missing id): kept in quarantine for ops; `detail` names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unknown shop, or a missing or forged signature: nothing is kept */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body exceeds 1 MiB (or 350 KiB once compressed for storage): nothing is kept */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Content-Type is not application/json: kept in quarantine for ops */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    receiveGenericWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The integration, as listed under `generic.source` in the shops secret */
                "x-aftersales-source": string;
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`; checked within a tolerance window */
                "x-aftersales-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GenericWebhookEnvelope"];
            };
        };
        responses: {
            /** @description Accepted (stored and queued), a duplicate of a stored delivery, or a ping */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAck"];
                };
            };
            /** @description Authentic but unusable (malformed JSON, unsupported topic, missing id): kept in quarantine for ops; `detail` names the problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unknown shop, or a missing or forged signature: nothing is kept */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body exceeds 1 MiB (or 350 KiB once compressed for storage): nothing is kept */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Content-Type is not application/json: kept in quarantine for ops */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    receiveCarrierTracking: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with the shop’s webhook secret, as for the generic webhook */
                "x-aftersales-signature": string;
            };
            path: {
                /** @description Platform id of the shop (tenant) */
                shopId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CarrierTrackingUpdate"];
            };
        };
        responses: {
            /** @description Applied to the return */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CarrierTrackingAck"];
                };
            };
            /** @description Authentic, nothing to do: no return has this tracking number, or the return is already past this news */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CarrierTrackingAck"];
                };
            };
            /** @description Invalid body: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unknown shop, or a missing, expired or forged signature */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The resource does not exist (or is not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The return changed at the same moment: retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listOrders: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
                /** @description `open` (not cancelled), `cancelled`, a fulfillment status or a financial status */
                status?: "open" | "cancelled" | "unfulfilled" | "partially_fulfilled" | "fulfilled" | "pending" | "authorized" | "paid" | "partially_paid" | "partially_refunded" | "refunded" | "voided";
                /** @description Only this customer’s orders */
                customerId?: string;
                /** @description Created at or after (UTC) */
                from?: string;
                /** @description Created before (UTC) */
                to?: string;
                /** @description Page size (1 to 100, default 25) */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page */
                cursor?: string;
                /** @description Sort by creation time; `-` for newest first */
                sort?: "createdAt" | "-createdAt";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of orders */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderPage"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getOrder: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path: {
                /** @description Storefront order id */
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The resource does not exist (or is not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getOrderTimeline: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
                /** @description Page size (1 to 100, default 25) */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Storefront order id */
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of timeline entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimelinePage"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The resource does not exist (or is not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listCustomers: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
                /** @description Exact email address (case-insensitive) */
                email?: string;
                /** @description Exact phone number, E.164 */
                phone?: string;
                /** @description The customer who placed this order; `#1001` and `1001` are the same */
                orderNumber?: string;
                /** @description Page size (1 to 100, default 25) */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of customers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerPage"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCustomer: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path: {
                /** @description Storefront customer id */
                customerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The resource does not exist (or is not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getOpsHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The health report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsHealth"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listDeadLetters: {
        parameters: {
            query?: {
                /** @description `open` until someone re-drives or discards it */
                status?: "open" | "redriven" | "discarded";
                /** @description Only this shop */
                shopId?: string;
                kind?: "quarantined_delivery" | "failed_message";
                /** @description Page size (1 to 100, default 25) */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of dead letters (a page may hold fewer than `limit` once filtered) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetterPage"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getDeadLetter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the dead letter */
                deadLetterId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dead letter */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetterDetail"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The resource does not exist (or is not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    redriveDeadLetter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the dead letter */
                deadLetterId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RedriveRequest"];
            };
        };
        responses: {
            /** @description Re-driven (or already re-driven) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedriveResult"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The resource does not exist (or is not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description It was discarded, or it cannot be re-driven (`detail` says why) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    discardDeadLetter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the dead letter */
                deadLetterId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveDeadLetterRequest"];
            };
        };
        responses: {
            /** @description Discarded (discarding twice changes nothing) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetter"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The resource does not exist (or is not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description It was already re-driven */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listAuditRecords: {
        parameters: {
            query: {
                /** @description The shop, or `deployment` for stack-wide records (dead messages of no shop) */
                shopId: string | "deployment";
                /** @description With `subjectId`: only this subject */
                subjectType?: "order" | "customer" | "case" | "return" | "refund" | "deadLetter" | "shop" | "policy";
                subjectId?: string;
                /** @description Page size (1 to 100, default 25) */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit records */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
                /** @description A customer’s messages */
                customerId?: string;
                /** @description With `subjectId`: the messages about it */
                subjectType?: "case" | "return" | "refund" | "order";
                /** @description Opaque id (storefront or platform generated) */
                subjectId?: string;
                /** @description Page size (1 to 100, default 25) */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationLogPage"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getUnsubscribePage: {
        parameters: {
            query: {
                /** @description The signed token of the link in the message */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The confirmation page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    unsubscribe: {
        parameters: {
            query: {
                /** @description The signed token of the link in the message */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description `List-Unsubscribe=One-Click` */
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": string;
            };
        };
        responses: {
            /** @description Unsubscribed: a page saying so */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getNotificationPreferences: {
        parameters: {
            query: {
                /** @description The signed token of the link in the message */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The preferences */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updateNotificationPreferences: {
        parameters: {
            query: {
                /** @description The signed token of the link in the message */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationPreferencesUpdate"];
            };
        };
        responses: {
            /** @description The preferences now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createCustomerSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerSignIn"];
            };
        };
        responses: {
            /** @description The session token and the order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerSession"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No order of the shop has this number and email */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCustomerOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The order number as the shop shows it; `#1001` and `1001` are the same */
                orderNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerOrder"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No order with this number was placed with the session’s email */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getSurveyAnswerPage: {
        parameters: {
            query: {
                /** @description The signed token of the survey link */
                token: string;
                /** @description The score to preselect (1 to 5) */
                score?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The link is not valid or has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The survey no longer exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    answerSurvey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyAnswerRequest"];
            };
        };
        responses: {
            /** @description What the answer did, and the recorded score */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyAnswerResult"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The token is not valid or has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The survey no longer exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listSurveyResponses: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
                /** @description What was resolved: a return, a support case or an order delay */
                flow?: "return" | "case" | "delay";
                /** @description Only scores up to this */
                maxScore?: number;
                /** @description Only cases this staff member resolved */
                agentId?: string;
                /** @description Only this customer’s answers */
                customerId?: string;
                /** @description Page size (1 to 100, default 25) */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of responses (a page may hold fewer than `limit` once filtered) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyResponsePage"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listFollowUpCases: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
                status?: "open" | "resolved";
                /** @description Only this customer’s cases */
                customerId?: string;
                /** @description `newest` (default): newest first. `sla`: the earliest SLA deadline first. `tier`: the highest customer tier first (then the earliest SLA); tiers are read per page, so this orders each page read oldest first */
                sort?: "newest" | "sla" | "tier";
                /** @description Page size (1 to 100, default 25) */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of follow-up cases */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpCasePage"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getFollowUpCase: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path: {
                /** @description Id of the follow-up case */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpCase"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No follow-up case with this id in the shop */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    resolveFollowUpCase: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path: {
                /** @description Id of the follow-up case */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveFollowUpCaseRequest"];
            };
        };
        responses: {
            /** @description The resolved case */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpCase"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No follow-up case with this id in the shop */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Already resolved, or changed since `expectedVersion` (or at the same moment): reload it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createReturn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnRequest"];
            };
        };
        responses: {
            /** @description The return, with the decision per line */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerReturn"];
                };
            };
            /** @description Invalid request; or, without `shopId`, several shops have an order with this number and email (`body.shopId`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No order of the shop (of any shop, without `shopId`) has this number and email */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Another request for the same order was made at the same moment: retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The policy refuses at least one line: `errors` names each refused line and its rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The shop’s exchange service did not answer, so exchange lines cannot be checked: retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getReturn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque id (storefront or platform generated) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The return */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerReturn"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No return with this id belongs to the session’s email */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    recordReturnShipment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque id (storefront or platform generated) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnShipmentRequest"];
            };
        };
        responses: {
            /** @description The return, with its tracking */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerReturn"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No return with this id belongs to the session’s email */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The return is past waiting for the parcel (already in transit, received, cancelled...) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listReturns: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
                status?: "requested" | "approved" | "rejected" | "awaiting_shipment" | "in_transit" | "received" | "inspected" | "resolved" | "cancelled" | "expired";
                /** @description Cases with at least one line for this reason */
                reason?: "damaged" | "defective" | "wrong_item" | "not_as_described" | "missing_parts" | "too_small" | "too_large" | "arrived_late" | "changed_mind" | "other";
                /** @description Created at least this many hours ago */
                olderThanHours?: number;
                /** @description Only cases past (true) or within (false) their handling SLA */
                slaBreached?: "true" | "false";
                /** @description Only this customer’s cases */
                customerId?: string;
                /** @description `newest` (default): newest first. `sla`: the earliest SLA deadline first. `tier`: the highest customer tier first (then the earliest SLA); tiers are read per page, so this orders each page read oldest first */
                sort?: "newest" | "sla" | "tier";
                /** @description Page size (1 to 100, default 25) */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of return cases */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnCasePage"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getReturnCase: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path: {
                /** @description Id of the return case */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The return case */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnCase"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No return with this id in the shop */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    approveReturn: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path: {
                /** @description Id of the return case */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveReturnRequest"];
            };
        };
        responses: {
            /** @description The approved case */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnCase"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (approving a rejected return needs a supervisor) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No return with this id in the shop */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description `invalid_transition`: not allowed from the current status; or someone changed the case at the same moment */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    rejectReturn: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path: {
                /** @description Id of the return case */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectReturnRequest"];
            };
        };
        responses: {
            /** @description The rejected case */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnCase"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (approving a rejected return needs a supervisor) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No return with this id in the shop */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description `invalid_transition`: not allowed from the current status; or someone changed the case at the same moment */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    recordReturnReceipt: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path: {
                /** @description Id of the return case */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnReceiptRequest"];
            };
        };
        responses: {
            /** @description The received case */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnCase"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (approving a rejected return needs a supervisor) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No return with this id in the shop */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description `invalid_transition`: not allowed from the current status; or someone changed the case at the same moment */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    recordInspection: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path: {
                /** @description Id of the return case */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnInspectionRequest"];
            };
        };
        responses: {
            /** @description The inspected case */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnCase"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (approving a rejected return needs a supervisor) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No return with this id in the shop */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description `invalid_transition`: not allowed from the current status; or someone changed the case at the same moment */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    reassignReturn: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path: {
                /** @description Id of the return case */
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReassignReturnRequest"];
            };
        };
        responses: {
            /** @description The reassigned case */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnCase"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this (approving a rejected return needs a supervisor) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No return with this id in the shop */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description `invalid_transition`: not allowed from the current status; or someone changed the case at the same moment */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getReturnPolicy: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The policy in effect */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnPolicyVersion"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updateReturnPolicy: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishReturnPolicyRequest"];
            };
        };
        responses: {
            /** @description The policy published, now in effect */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnPolicyVersion"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field, such as `body.policy.windowDays` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Publishing a policy needs the supervisor role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Another version was published since `expectedVersion`: read the policy again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    dryRunReturnPolicy: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnPolicyDryRunRequest"];
            };
        };
        responses: {
            /** @description The summary and every line decided differently */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnPolicyDryRun"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field, such as `body.policy.windowDays` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Trying a draft policy needs the supervisor role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listRefundReviews: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
                /** @description `sla` (default): the longest waiting first; `tier`: the highest customer tier first on each page read */
                sort?: "sla" | "tier";
                /** @description Page size (1 to 100, default 25) */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of decisions waiting for review */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefundReviewPage"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    decideRefund: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path: {
                /** @description Id of the refund decision */
                decisionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideRefundRequest"];
            };
        };
        responses: {
            /** @description The decision after this action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefundDecisionRecord"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Your role may not do this: a decision awaiting a supervisor, an override and a retry need a supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No refund decision with this id in the shop */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not allowed in the decision’s status, the decision changed since `expectedVersion`, or someone decided it at the same moment */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getOrderLedger: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path: {
                /** @description Storefront order id */
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order’s ledger and refund decisions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderLedger"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The order has neither a ledger nor a refund decision */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getDecisionExplanation: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path: {
                /** @description Id of the refund decision */
                decisionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The decision with its explanation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefundDecisionRecord"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No refund decision with this id in the shop */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    fileParcelClaim: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FileParcelClaimRequest"];
            };
        };
        responses: {
            /** @description The claim is filed and will be decided */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParcelClaimAccepted"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No order with this number was placed with the session’s email */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The order contradicts the claim: `errors` names each line (`body.lines[i].lineId` not on the order, `.quantity` above what was ordered) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getClaimOffer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The `decisionId` the claim was accepted with */
                decisionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The claim’s offer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimOffer"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No claim decision with this id belongs to the session’s email (or it is not decided yet) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    chooseClaimResolution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The `decisionId` the claim was accepted with */
                decisionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimChoice"];
            };
        };
        responses: {
            /** @description The claim’s offer after the choice */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimOffer"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No claim decision with this id belongs to the session’s email */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A choice was already made (named), the offer expired, or a person settled the claim */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description `body.kind` is not one of the options offered */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    fileOpsParcelClaim: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path: {
                /** @description Opaque id (storefront or platform generated) */
                orderId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FileOpsParcelClaimRequest"];
            };
        };
        responses: {
            /** @description The claim is filed and will be decided */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParcelClaimAccepted"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No order with this id in the shop */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The order contradicts the claim: `errors` names each line */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getRefundRules: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules in effect */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefundRulesVersion"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updateRefundRules: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishRefundRulesRequest"];
            };
        };
        responses: {
            /** @description The rules published, now in effect */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefundRulesVersion"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field, such as `body.rules.approval.autoApproveUpTo` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Publishing refund rules needs the supervisor role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Another version was published since `expectedVersion`: read the rules again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    dryRunRefundRules: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundRulesDryRunRequest"];
            };
        };
        responses: {
            /** @description The summary and every decision taken differently */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefundRulesDryRun"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field, such as `body.rules.approval.autoApproveUpTo` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Trying draft refund rules needs the supervisor role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCampaignSettings: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings in effect */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignSettingsVersion"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updateCampaignSettings: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishCampaignSettingsRequest"];
            };
        };
        responses: {
            /** @description The settings published, now in effect */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignSettingsVersion"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field, such as `body.settings.vip.tiers.1.minPoints` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Publishing campaign settings needs the supervisor role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Another version was published since `expectedVersion`: read the settings again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    dryRunCampaignSettings: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignSettingsDryRunRequest"];
            };
        };
        responses: {
            /** @description The nudges due in the period under the draft, sent or suppressed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignSettingsDryRun"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field, such as `body.settings.vip.tiers.1.minPoints` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Trying draft campaign settings needs the supervisor role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    previewNudges: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
                /** @description Start of the period (default: now) */
                from?: string;
                /** @description Length of the period in days (1 to 31, default 7) */
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The nudges due in the period, sent or suppressed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NudgePreview"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCampaignResults: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
                /** @description Nudges sent at or after (default: 30 days before `to`) */
                from?: string;
                /** @description Nudges sent before (default: now) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Conversion and revenue of the nudges sent in the period */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResults"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listDelayedOrders: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
                /** @description Orders with an open delay of this reason */
                reason?: "not_shipped_in_time" | "delivery_overdue" | "tracking_stalled" | "carrier_exception" | "customs_hold" | "delivery_failed" | "lost_in_transit" | "returned_to_sender";
                /** @description Orders with an open delay of this severity */
                severity?: "low" | "medium" | "high" | "critical";
                /** @description Carrier code (any case), of the late parcel or else the latest shipment */
                carrier?: string;
                /** @description Destination country */
                destination?: string;
                /** @description `sla` (default): the oldest detection first; `tier`: the highest customer tier first on each page read */
                sort?: "sla" | "tier";
                /** @description Page size (1 to 100, default 25) */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of delayed orders */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelayedOrderPage"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getDelayMetrics: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
                /** @description Orders placed at or after (UTC) */
                from?: string;
                /** @description Orders placed before (UTC) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The measures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelayMetrics"];
                };
            };
            /** @description `from` is not before `to`, or the period is longer than 366 days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getDelaySettings: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings in effect */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelaySettingsVersion"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updateDelaySettings: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishDelaySettingsRequest"];
            };
        };
        responses: {
            /** @description The settings published, now in effect */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelaySettingsVersion"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field, such as `body.settings.transit.defaultDays` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Publishing delay settings needs the supervisor role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Another version was published since `expectedVersion`: read the settings again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    dryRunDelaySettings: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DelaySettingsDryRunRequest"];
            };
        };
        responses: {
            /** @description The summary and every open order decided differently */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelaySettingsDryRun"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field, such as `body.settings.transit.defaultDays` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Trying draft delay settings needs the supervisor role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    receiveHelpdeskTicket: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with the shop’s webhook secret, as for the generic webhook */
                "x-aftersales-signature": string;
            };
            path: {
                /** @description Platform id of the shop (tenant) */
                shopId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HelpdeskTicket"];
            };
        };
        responses: {
            /** @description The first contact about the order was recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HelpdeskTicketAck"];
                };
            };
            /** @description Authentic, nothing to record: no order number, no such order, the order is not watched or late, or an earlier contact is known */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HelpdeskTicketAck"];
                };
            };
            /** @description Invalid body: `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unknown shop, or a missing, expired or forged signature */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The resource does not exist (or is not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The order’s delay watch changed at the same moment: retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getKpis: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
                /** @description Start of the period (UTC); its day counts whole */
                from?: string;
                /** @description End of the period (UTC, exclusive); default now */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The KPIs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Kpis"];
                };
            };
            /** @description `from` is not before `to`, or the period is longer than 366 days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listPrivacyExports: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
                /** @description Page size (1 to 100, default 25) */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of exports */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyExportPage"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getPrivacyExport: {
        parameters: {
            query: {
                /** @description The shop (tenant) to read */
                shopId: string;
            };
            header?: never;
            path: {
                /** @description Opaque id (storefront or platform generated) */
                exportId: string;
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
                    "application/json": components["schemas"]["PrivacyExport"];
                };
            };
            /** @description The request is invalid: `errors` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Credentials are missing or invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller lacks the role this operation requires */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The resource does not exist (or is not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
}
