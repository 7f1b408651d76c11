/**
 * Words of the embedded scan (`<ts-embed>`): the pilot's welcome, stopping, refusals, and the lines the pilot adds to
 * the certified consent — what the pilot receives, by its `share` setting. Those lines are part of the consent text:
 * change them only together with EMBED_CONSENT_VERSION (logged with the consent).
 */
import { registerMessages } from '../../i18n/index.ts';
import type { GameMessages } from '../../runtime/game-contract.ts';

/** Short: with the certified version before it, the log's `consent.textVersion` holds at most 32 characters. */
export const EMBED_CONSENT_VERSION = 'embed-v2';

/** The days the certified consent text states for the raw data (`consent.certified.howLong`); a pilot's other retention adds a line. */
export const CONSENT_RETENTION_DAYS = 30;

export const EMBED_MESSAGES: GameMessages = {
  en: {
    'embed.intro.title': '{pilot} invites you to do the Talentscan',
    'embed.intro.body':
      'A few short games that show how you think and work. It takes about {minutes} minutes. You need no prior knowledge; your language and your diplomas make no difference.',
    'embed.loading': 'The scan is loading…',
    'embed.stop': 'Stop the scan',
    'embed.stopped.title': 'You stopped the scan',
    'embed.stopped.body': 'Your answers so far stay on this device. You can continue where you left off.',
    'embed.stopped.continue': 'Continue the scan',
    'embed.refused.title': 'The scan cannot start here',
    'embed.refused.pilot': 'Talentscan does not know this partner. Ask the site you came from.',
    'embed.refused.origin': "This page may not show the scan. Open the scan on the partner's own site.",
    'embed.refused.framed': "This page is meant to be shown inside a partner's site.",
    'embed.consent.offeredBy': 'This scan is offered by {pilot}. {pilot} does not receive your answers or reaction times.',
    'embed.consent.share.summary': '{pilot} receives: that you finished the scan, which games you played and how long it took.',
    'embed.consent.share.domains':
      '{pilot} receives: that you finished the scan, which games you played, how long it took, and your score (1 to 10) for each thinking skill that was measured.',
    'embed.consent.share.fits':
      '{pilot} receives: that you finished the scan, which games you played, how long it took, your score (1 to 10) for each thinking skill that was measured, and how well you fit the roles {pilot} chose.',
    'embed.consent.share.credential-offer':
      '{pilot} receives: that you finished the scan, which games you played, how long it took, your score (1 to 10) for each thinking skill that was measured, how well you fit the roles {pilot} chose, and a link with which you can put your credential in your wallet.',
    'embed.consent.xapi': '{pilot} records in its learning records (xAPI) that you completed each game, under a code instead of your name.',
    'embed.consent.retention': 'For scans of {pilot}, the server deletes your raw data {days} days after your credential is made (not after 30 days).',
  },
  nl: {
    'embed.intro.title': '{pilot} nodigt je uit voor de Talentscan',
    'embed.intro.body':
      'Een paar korte spellen die laten zien hoe je denkt en werkt. Het duurt ongeveer {minutes} minuten. Je hoeft niets te weten; je taal en je diploma’s maken niet uit.',
    'embed.loading': 'De scan wordt geladen…',
    'embed.stop': 'Stop de scan',
    'embed.stopped.title': 'Je bent gestopt met de scan',
    'embed.stopped.body': 'Je antwoorden tot nu toe blijven op dit apparaat. Je kunt verdergaan waar je was.',
    'embed.stopped.continue': 'Ga verder met de scan',
    'embed.refused.title': 'De scan kan hier niet starten',
    'embed.refused.pilot': 'Talentscan kent deze partner niet. Vraag het aan de site waar je vandaan kwam.',
    'embed.refused.origin': 'Deze pagina mag de scan niet tonen. Open de scan op de eigen site van de partner.',
    'embed.refused.framed': 'Deze pagina hoort binnen de site van een partner te staan.',
    'embed.consent.offeredBy': 'Deze scan wordt aangeboden door {pilot}. {pilot} krijgt je antwoorden en reactietijden niet.',
    'embed.consent.share.summary': '{pilot} krijgt: dat je de scan hebt afgemaakt, welke spellen je speelde en hoe lang het duurde.',
    'embed.consent.share.domains':
      '{pilot} krijgt: dat je de scan hebt afgemaakt, welke spellen je speelde, hoe lang het duurde, en je score (1 tot 10) voor elke denkvaardigheid die gemeten is.',
    'embed.consent.share.fits':
      '{pilot} krijgt: dat je de scan hebt afgemaakt, welke spellen je speelde, hoe lang het duurde, je score (1 tot 10) voor elke denkvaardigheid die gemeten is, en hoe goed je past bij de functies die {pilot} koos.',
    'embed.consent.share.credential-offer':
      '{pilot} krijgt: dat je de scan hebt afgemaakt, welke spellen je speelde, hoe lang het duurde, je score (1 tot 10) voor elke denkvaardigheid die gemeten is, hoe goed je past bij de functies die {pilot} koos, en een link waarmee je je bewijs in je wallet kunt zetten.',
    'embed.consent.xapi': '{pilot} legt in zijn leerregistratie (xAPI) vast dat je elk spel hebt afgemaakt, onder een code in plaats van je naam.',
    'embed.consent.retention': 'Voor scans van {pilot} verwijdert de server je ruwe gegevens {days} dagen nadat je bewijs is gemaakt (niet na 30 dagen).',
  },
  uk: {
    'embed.intro.title': '{pilot} запрошує вас пройти Talentscan',
    'embed.intro.body':
      'Кілька коротких ігор, які показують, як ви думаєте і працюєте. Це триває близько {minutes} хвилин. Попередні знання не потрібні; ваша мова та дипломи не мають значення.',
    'embed.loading': 'Скан завантажується…',
    'embed.stop': 'Зупинити скан',
    'embed.stopped.title': 'Ви зупинили скан',
    'embed.stopped.body': 'Ваші відповіді досі залишаються на цьому пристрої. Ви можете продовжити з того місця, де зупинилися.',
    'embed.stopped.continue': 'Продовжити скан',
    'embed.refused.title': 'Скан не може розпочатися тут',
    'embed.refused.pilot': 'Talentscan не знає цього партнера. Зверніться до сайту, з якого ви прийшли.',
    'embed.refused.origin': 'Ця сторінка не може показувати скан. Відкрийте скан на власному сайті партнера.',
    'embed.refused.framed': 'Ця сторінка призначена для показу всередині сайту партнера.',
    'embed.consent.offeredBy': 'Цей скан пропонує {pilot}. {pilot} не отримує ваших відповідей і часу реакції.',
    'embed.consent.share.summary': '{pilot} отримує: що ви завершили скан, у які ігри грали і скільки часу це зайняло.',
    'embed.consent.share.domains':
      '{pilot} отримує: що ви завершили скан, у які ігри грали, скільки часу це зайняло, і вашу оцінку (від 1 до 10) для кожної виміряної навички мислення.',
    'embed.consent.share.fits':
      '{pilot} отримує: що ви завершили скан, у які ігри грали, скільки часу це зайняло, вашу оцінку (від 1 до 10) для кожної виміряної навички мислення і наскільки ви підходите до посад, які обрав {pilot}.',
    'embed.consent.share.credential-offer':
      '{pilot} отримує: що ви завершили скан, у які ігри грали, скільки часу це зайняло, вашу оцінку (від 1 до 10) для кожної виміряної навички мислення, наскільки ви підходите до посад, які обрав {pilot}, і посилання, за яким ви можете додати свій сертифікат до гаманця.',
    'embed.consent.xapi': '{pilot} записує у своїх навчальних записах (xAPI), що ви завершили кожну гру, під кодом замість вашого імені.',
    'embed.consent.retention': 'Для сканів {pilot} сервер видаляє ваші сирі дані через {days} днів після створення сертифіката (а не через 30 днів).',
  },
  ar: {
    'embed.intro.title': '{pilot} يدعوك إلى إجراء Talentscan',
    'embed.intro.body': 'بعض الألعاب القصيرة التي تُظهر كيف تفكر وتعمل. تستغرق نحو {minutes} دقيقة. لا تحتاج إلى معرفة مسبقة، ولا تؤثر لغتك أو شهاداتك.',
    'embed.loading': 'جارٍ تحميل الفحص…',
    'embed.stop': 'إيقاف الفحص',
    'embed.stopped.title': 'لقد أوقفت الفحص',
    'embed.stopped.body': 'تبقى إجاباتك حتى الآن على هذا الجهاز. يمكنك المتابعة من حيث توقفت.',
    'embed.stopped.continue': 'متابعة الفحص',
    'embed.refused.title': 'لا يمكن أن يبدأ الفحص هنا',
    'embed.refused.pilot': 'لا يعرف Talentscan هذا الشريك. اسأل الموقع الذي أتيت منه.',
    'embed.refused.origin': 'لا يُسمح لهذه الصفحة بعرض الفحص. افتح الفحص على موقع الشريك نفسه.',
    'embed.refused.framed': 'هذه الصفحة مخصصة للعرض داخل موقع أحد الشركاء.',
    'embed.consent.offeredBy': 'يقدّم هذا الفحصَ {pilot}. لا يتلقى {pilot} إجاباتك ولا أزمنة استجابتك.',
    'embed.consent.share.summary': 'يتلقى {pilot}: أنك أنهيت الفحص، وأي الألعاب لعبت، وكم استغرق ذلك.',
    'embed.consent.share.domains': 'يتلقى {pilot}: أنك أنهيت الفحص، وأي الألعاب لعبت، وكم استغرق ذلك، ودرجتك (من 1 إلى 10) في كل مهارة تفكير تم قياسها.',
    'embed.consent.share.fits':
      'يتلقى {pilot}: أنك أنهيت الفحص، وأي الألعاب لعبت، وكم استغرق ذلك، ودرجتك (من 1 إلى 10) في كل مهارة تفكير تم قياسها، ومدى ملاءمتك للوظائف التي اختارها {pilot}.',
    'embed.consent.share.credential-offer':
      'يتلقى {pilot}: أنك أنهيت الفحص، وأي الألعاب لعبت، وكم استغرق ذلك، ودرجتك (من 1 إلى 10) في كل مهارة تفكير تم قياسها، ومدى ملاءمتك للوظائف التي اختارها {pilot}، ورابطًا يمكنك به إضافة شهادتك إلى محفظتك.',
    'embed.consent.xapi': 'يسجّل {pilot} في سجلات التعلّم لديه (xAPI) أنك أنهيت كل لعبة، تحت رمز بدلًا من اسمك.',
    'embed.consent.retention': 'بالنسبة لفحوص {pilot}، يحذف الخادم بياناتك الخام بعد {days} يومًا من إصدار شهادتك (وليس بعد 30 يومًا).',
  },
};

registerMessages(EMBED_MESSAGES);
