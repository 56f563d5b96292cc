/* Prints the CLDR name of every region in every language the system ICU has data for, as
 * "ISO 3166-1 code <TAB> language <TAB> name" lines. Used by Scripts/refresh-data to give each country its
 * names in many languages (CLDR data is under the Unicode licence). */
#include <stdio.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

int main(void) {
    const char *const *regions;
    /* Every ISO 3166-1 alpha-2 code: ICU's list of countries (excludes deprecated codes). */
    regions = uloc_getISOCountries();
    int32_t locales = uloc_countAvailable();
    for (int32_t l = 0; l < locales; l++) {
        const char *locale = uloc_getAvailable(l);
        if (strchr(locale, '_') != NULL) continue; /* languages only: en, hy, az, ru … */
        for (int r = 0; regions[r] != NULL; r++) {
            char id[16];
            snprintf(id, sizeof id, "und_%s", regions[r]);
            UChar name[256];
            UErrorCode status = U_ZERO_ERROR;
            int32_t length = uloc_getDisplayCountry(id, locale, name, 256, &status);
            if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING || length == 0) continue;
            char utf8[1024];
            u_strToUTF8(utf8, sizeof utf8, NULL, name, length, &status);
            if (U_FAILURE(status)) continue;
            if (strcmp(utf8, regions[r]) == 0) continue; /* no translation: ICU echoes the code */
            printf("%s\t%s\t%s\n", regions[r], locale, utf8);
        }
    }
    return 0;
}
