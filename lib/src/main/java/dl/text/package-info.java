/**
 * Text tools: tokenizing ({@link dl.text.Tokenizer}), vocabularies ({@link dl.text.Vocabulary}),
 * one-hot, bag-of-words and tf-idf features ({@link dl.text.OneHot}, {@link dl.text.BagOfWords},
 * {@link dl.text.TfIdf}), word2vec and FastText-style subword vectors ({@link dl.text.Word2Vec},
 * {@link dl.text.WordVectors}, {@link dl.text.ContextWindows}), and sampling of the next token for text generation
 * ({@link dl.text.Sampler}).
 *
 * <p>The layers that consume these ids (Embedding, recurrent layers, attention) live in
 * {@code dl.nn}.
 */
package dl.text;
