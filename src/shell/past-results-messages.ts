/**
 * Words of a finished scan found again on this device: the welcome screen's "Your results from <date>", the
 * reopened results screen, and what the credential panel says when the scan was certified but its key is gone — in
 * every shell language, at B1 level. Registered for `tDynamic` when first imported (src/shell/feature-messages.ts).
 */
import { registerMessages } from '../i18n/index.ts';
import type { GameMessages } from '../runtime/game-contract.ts';

export const PAST_RESULTS_MESSAGES: GameMessages = {
  en: {
    'past.title': 'Your results from {date}',
    'past.body': 'Your finished scan is saved on this device. You can look at your results again, download them or delete them.',
    'past.open': 'Open my results',
    'past.earlier': 'Earlier results on this device ({count})',
    'past.item': 'Results from {date}',
    'past.from': 'From your scan of {date}.',
    'past.back': 'Back to the start',
    'past.openFailed': 'Your results could not be opened: {reason}',
    'past.keyLost':
      'This scan was certified, but the key to make its credential is no longer on this device. So the credential can no longer be made here. Your results and your data are still here.',
    'past.issuedBefore': 'Your credential was already made. Get it again to add it to your wallet or to download it.',
    'past.getAgain': 'Get my credential again',
    'past.deleteHintKeyLost':
      'Deletes this scan from this device. The copy on our server cannot be deleted from here, because the key is no longer on this device. To have it deleted, ask the organisation that offers the scan.',
  },
  nl: {
    'past.title': 'Je resultaten van {date}',
    'past.body': 'Je scan is klaar en staat op dit apparaat. Je kunt je resultaten opnieuw bekijken, downloaden of wissen.',
    'past.open': 'Bekijk mijn resultaten',
    'past.earlier': 'Eerdere resultaten op dit apparaat ({count})',
    'past.item': 'Resultaten van {date}',
    'past.from': 'Van je scan op {date}.',
    'past.back': 'Terug naar het begin',
    'past.openFailed': 'Je resultaten konden niet worden geopend: {reason}',
    'past.keyLost':
      'Deze scan was gecertificeerd, maar de sleutel om de credential te maken staat niet meer op dit apparaat. Daarom kan de credential hier niet meer worden gemaakt. Je resultaten en je gegevens staan hier nog wel.',
    'past.issuedBefore': 'Je credential is al gemaakt. Haal hem opnieuw op om hem in je wallet te zetten of te downloaden.',
    'past.getAgain': 'Haal mijn credential opnieuw op',
    'past.deleteHintKeyLost':
      'Wist deze scan van dit apparaat. De kopie op onze server kan niet van hieruit worden gewist, omdat de sleutel niet meer op dit apparaat staat. Wil je die ook laten wissen? Vraag het aan de organisatie die de scan aanbiedt.',
  },
  uk: {
    'past.title': 'Ваші результати від {date}',
    'past.body': 'Ваш завершений скан збережено на цьому пристрої. Ви можете знову переглянути результати, завантажити або видалити їх.',
    'past.open': 'Відкрити мої результати',
    'past.earlier': 'Попередні результати на цьому пристрої ({count})',
    'past.item': 'Результати від {date}',
    'past.from': 'Зі скану від {date}.',
    'past.back': 'Назад на початок',
    'past.openFailed': 'Не вдалося відкрити ваші результати: {reason}',
    'past.keyLost':
      'Цей скан був сертифікований, але ключа для створення сертифіката на цьому пристрої вже немає. Тому сертифікат тут більше не можна створити. Ваші результати й дані тут залишаються.',
    'past.issuedBefore': 'Ваш сертифікат уже створено. Отримайте його знову, щоб додати до гаманця або завантажити.',
    'past.getAgain': 'Отримати мій сертифікат знову',
    'past.deleteHintKeyLost':
      'Видаляє цей скан із цього пристрою. Копію на нашому сервері звідси видалити не можна, бо ключа на цьому пристрої вже немає. Щоб її видалити, зверніться до організації, яка пропонує скан.',
  },
  ar: {
    'past.title': 'نتائجك من {date}',
    'past.body': 'فحصك المكتمل محفوظ على هذا الجهاز. يمكنك أن تنظر إلى نتائجك مرة أخرى، أو تنزّلها، أو تحذفها.',
    'past.open': 'افتح نتائجي',
    'past.earlier': 'نتائج سابقة على هذا الجهاز ({count})',
    'past.item': 'النتائج من {date}',
    'past.from': 'من فحصك في {date}.',
    'past.back': 'العودة إلى البداية',
    'past.openFailed': 'تعذّر فتح نتائجك: {reason}',
    'past.keyLost':
      'كان هذا الفحص معتمدًا، لكن المفتاح اللازم لإنشاء شهادته لم يعد على هذا الجهاز. لذلك لا يمكن إنشاء الشهادة هنا بعد الآن. نتائجك وبياناتك ما زالت هنا.',
    'past.issuedBefore': 'أُنشئت شهادتك من قبل. احصل عليها مرة أخرى لتضيفها إلى محفظتك أو لتنزّلها.',
    'past.getAgain': 'احصل على شهادتي مرة أخرى',
    'past.deleteHintKeyLost':
      'يحذف هذا الفحص من هذا الجهاز. لا يمكن حذف النسخة الموجودة على خادمنا من هنا، لأن المفتاح لم يعد على هذا الجهاز. لحذفها، اطلب ذلك من الجهة التي تقدّم الفحص.',
  },
};

registerMessages(PAST_RESULTS_MESSAGES);
