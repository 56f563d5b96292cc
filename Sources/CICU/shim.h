// The system ICU (Debian libicu-dev), seen from Swift through stable names.
//
// Why a shim at all:
// - Debian's ICU renames every C function with a version suffix through macros (utrans_openU is really
//   utrans_openU_72). Swift cannot import those macros, so each function the project uses gets a
//   `static inline` wrapper with a stable `gz_` name; the macro is expanded here, by clang.
// - Foundation on Linux carries a private ICU whose clang module defines UErrorCode, UScriptCode,
//   UBlockCode and UProperty differently. A target that sees both fails on a clean build ("has different
//   definitions in different modules") and passes on a rerun. Renaming the four types before the ICU
//   headers are read keeps the two apart for good.
// - U_FAILURE and friends are macros; they become functions here.
#ifndef GAZETTEER_CICU_SHIM_H
#define GAZETTEER_CICU_SHIM_H

#define UErrorCode GZUErrorCode
#define UScriptCode GZUScriptCode
#define UBlockCode GZUBlockCode
#define UProperty GZUProperty

#include <stdbool.h>
#include <unicode/utypes.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utrans.h>
#include <unicode/unorm2.h>
#include <unicode/ubrk.h>
#include <unicode/uspoof.h>
#include <unicode/uversion.h>
#include <unicode/utext.h>

typedef GZUErrorCode gz_status;

static inline bool gz_failure(gz_status status) { return U_FAILURE(status); }
static inline const char *gz_error_name(gz_status status) { return u_errorName(status); }
static inline const char *gz_icu_version(void) {
    static char text[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, text);
    return text;
}

// MARK: Transliteration

static inline UTransliterator *gz_utrans_open_id(const UChar *id, int32_t idLength, gz_status *status) {
    return utrans_openU(id, idLength, UTRANS_FORWARD, NULL, 0, NULL, status);
}
static inline UTransliterator *gz_utrans_open_rules(const UChar *id, int32_t idLength,
                                                    const UChar *rules, int32_t rulesLength,
                                                    UParseError *parseError, gz_status *status) {
    return utrans_openU(id, idLength, UTRANS_FORWARD, rules, rulesLength, parseError, status);
}
static inline void gz_utrans_close(UTransliterator *trans) { utrans_close(trans); }
static inline void gz_utrans_trans(const UTransliterator *trans, UChar *text, int32_t *textLength,
                                   int32_t textCapacity, int32_t *limit, gz_status *status) {
    utrans_transUChars(trans, text, textLength, textCapacity, 0, limit, status);
}
/// Transliterates text the caller stores, through `callbacks` (for text ICU must not hold in one buffer).
static inline void gz_utrans_trans_replaceable(const UTransliterator *trans, UReplaceable *text,
                                               const UReplaceableCallbacks *callbacks, int32_t *limit,
                                               gz_status *status) {
    utrans_trans(trans, text, callbacks, 0, limit, status);
}

// MARK: Normalization

static inline const UNormalizer2 *gz_nfc(gz_status *status) { return unorm2_getNFCInstance(status); }
static inline const UNormalizer2 *gz_nfd(gz_status *status) { return unorm2_getNFDInstance(status); }
static inline const UNormalizer2 *gz_nfkc_casefold(gz_status *status) {
    return unorm2_getNFKCCasefoldInstance(status);
}
static inline int32_t gz_unorm2_normalize(const UNormalizer2 *norm, const UChar *src, int32_t length,
                                          UChar *dest, int32_t capacity, gz_status *status) {
    return unorm2_normalize(norm, src, length, dest, capacity, status);
}
static inline int32_t gz_unorm2_span_quick_check_yes(const UNormalizer2 *norm, const UChar *s, int32_t length,
                                                     gz_status *status) {
    return unorm2_spanQuickCheckYes(norm, s, length, status);
}

// MARK: Character properties and scripts

static inline int32_t gz_script(UChar32 c, gz_status *status) { return (int32_t)uscript_getScript(c, status); }
static inline const char *gz_script_short_name(int32_t script) {
    return uscript_getShortName((GZUScriptCode)script);
}
static inline int8_t gz_char_type(UChar32 c) { return u_charType(c); }
static inline bool gz_is_alphabetic(UChar32 c) { return u_isUAlphabetic(c); }
static inline bool gz_is_upper(UChar32 c) { return u_isUUppercase(c); }
static inline bool gz_is_lower(UChar32 c) { return u_isULowercase(c); }
static inline bool gz_is_white_space(UChar32 c) { return u_isUWhiteSpace(c); }

// MARK: Word break (UAX #29)

static inline UBreakIterator *gz_ubrk_open_word(gz_status *status) {
    return ubrk_open(UBRK_WORD, "", NULL, 0, status);
}
static inline void gz_ubrk_set_text(UBreakIterator *bi, const UChar *text, int32_t length, gz_status *status) {
    ubrk_setText(bi, text, length, status);
}
static inline void gz_ubrk_set_utext(UBreakIterator *bi, UText *text, gz_status *status) {
    ubrk_setUText(bi, text, status);
}
static inline int32_t gz_ubrk_first(UBreakIterator *bi) { return ubrk_first(bi); }
static inline int32_t gz_ubrk_next(UBreakIterator *bi) { return ubrk_next(bi); }
static inline int32_t gz_ubrk_rule_status(UBreakIterator *bi) { return ubrk_getRuleStatus(bi); }
static inline void gz_ubrk_close(UBreakIterator *bi) { ubrk_close(bi); }
static inline UText *gz_utext_open_utf8(UText *ut, const char *s, int64_t length, gz_status *status) {
    return utext_openUTF8(ut, s, length, status);
}
static inline void gz_utext_close(UText *ut) { utext_close(ut); }

// Rule-status ranges of word-break boundaries (UBRK_WORD_*), as plain constants Swift can import.
enum {
    GZ_WORD_NONE_LIMIT = UBRK_WORD_NONE_LIMIT,
    GZ_WORD_NUMBER_LIMIT = UBRK_WORD_NUMBER_LIMIT,
    GZ_WORD_LETTER_LIMIT = UBRK_WORD_LETTER_LIMIT,
    GZ_WORD_KANA_LIMIT = UBRK_WORD_KANA_LIMIT,
    GZ_WORD_IDEO_LIMIT = UBRK_WORD_IDEO_LIMIT,
};

// MARK: Confusables (UTS #39)

static inline USpoofChecker *gz_uspoof_open(gz_status *status) {
    USpoofChecker *checker = uspoof_open(status);
    if (U_SUCCESS(*status)) uspoof_setChecks(checker, USPOOF_CONFUSABLE, status);
    return checker;
}
static inline int32_t gz_uspoof_skeleton(const USpoofChecker *sc, const UChar *id, int32_t length,
                                         UChar *dest, int32_t capacity, gz_status *status) {
    return uspoof_getSkeleton(sc, 0, id, length, dest, capacity, status);
}
static inline void gz_uspoof_close(USpoofChecker *sc) { uspoof_close(sc); }

#endif
