/**
 * The runtime both Merge clients share: what users touch is public here (calls and responses, options, the retry
 * policy, regions, the builder base, downloads and uploads, expandable references, the logger, webhooks
 * verification and the exceptions); everything else is package-private or in {@code internal}.
 *
 * <h2>Where each stage of a call lives</h2>
 * <ul>
 *   <li>Requests: the generated Retrofit interfaces, through {@code MergeCallAdapterFactory} and {@code
 *       MergeConverterFactory}; Retrofit only builds the {@code okhttp3.Request}, it never executes it.
 *   <li>Call: {@code RealMergeCall} prepares the request (options, a per-execution {@code CallContext} with its
 *       deadline and secrets), runs it on OkHttp and hands the response to the decoder; {@code RealPagedCall}
 *       walks pages with {@code internal.Paginator}.
 *   <li>Interceptors, outermost first ({@code RealClientRuntime} adds them in this order, after a caller's own):
 *       {@code DefaultHeadersInterceptor} (user agent, accept, the builder's headers), {@code AuthInterceptor}
 *       ({@code Authorization}), {@code AccountTokenInterceptor} ({@code X-Account-Token}),
 *       {@code RetryInterceptor} (the attempt loop), {@code RedirectInterceptor} (the redirect policy),
 *       {@code LoggingInterceptor} (every request that goes out); then, as OkHttp's network interceptor,
 *       {@code FollowUpGuard} (keeps OkHttp from re-sending anything by itself).
 *   <li>Retry decision: {@code RetryDecision}, a pure function of (request, attempt, outcome, time left);
 *       the loop that acts on it: {@code RetryInterceptor}.
 *   <li>Decoding: {@code ResponseDecoder}, the one reader of response bodies (models, empty answers, downloads).
 *       For a model it runs within the attempt ({@code decodeWithinAttempt}), so a body cut mid-way is retried
 *       like a refused connection; the outcome travels in the response to the call.
 *   <li>Error mapping: {@code ErrorMapping}, status to exception type and transfer failure to {@link
 *       dev.mergesdk.core.NetworkException} or {@link dev.mergesdk.core.MergeTimeoutException}.
 *   <li>Secrets in messages and logs: {@code SecretScrubber}, {@code Redaction} (which names are secret).
 *   <li>Downloads: {@link dev.mergesdk.core.Download} and {@code ContentDisposition} (safe file names).
 * </ul>
 */
package dev.mergesdk.core;
