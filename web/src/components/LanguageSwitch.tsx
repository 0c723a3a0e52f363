import { setLanguage, useT, isLanguage } from '../i18n';

/** One button naming the other language in that language ("English" / "Español"), as people look for it. */
export function LanguageSwitch() {
  const { t } = useT();
  const target = t('language.switchToCode');
  return (
    <button
      type="button"
      className="button-link header-button"
      lang={target}
      onClick={() => {
        if (isLanguage(target)) void setLanguage(target);
      }}
    >
      {t('language.switchTo')}
    </button>
  );
}
