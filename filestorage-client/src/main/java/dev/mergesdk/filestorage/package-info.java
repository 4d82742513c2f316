/**
 * Merge File Storage: {@link dev.mergesdk.filestorage.FileStorageClient}, one generated operation group per tag
 * of {@code spec/filestorage.yaml} ({@code FilesApi}, {@code FoldersApi}, ...), and the webhook parsing of
 * {@link dev.mergesdk.filestorage.FileStorageWebhooks}. The models are in {@code .model}.
 */
package dev.mergesdk.filestorage;
