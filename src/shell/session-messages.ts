/**
 * Words of the session's start and safety: the two modes, each mode's consent text, storage faults and the upload to
 * the server, in every shell language (merged for `tDynamic` by src/i18n/features.ts).
 *
 * The consent texts are versioned (CONSENT_VERSION): the version the candidate accepted is logged in the `consent`
 * event. Change a consent text only together with its version.
 */
import { registerMessages } from '../i18n/index.ts';
import type { GameMessages } from '../runtime/game-contract.ts';
import type { SessionMode } from '../log/events.ts';

export const CONSENT_VERSION: Record<SessionMode, string> = { practice: 'practice-2026-12-v1', certified: 'certified-2026-12-v1' };

/** Keys of each mode's consent text, in reading order. */
export const CONSENT_KEYS: Record<SessionMode, readonly string[]> = {
  practice: ['consent.practice.what', 'consent.practice.where', 'consent.practice.howLong', 'consent.practice.rights'],
  certified: ['consent.certified.what', 'consent.certified.where', 'consent.certified.why', 'consent.certified.howLong', 'consent.certified.rights'],
};

export const SESSION_MESSAGES: GameMessages = {
  en: {
    'mode.title': 'How do you want to do the scan?',
    'mode.practice': 'Practice (private)',
    'mode.practiceHint': 'Everything stays on this device. You see your profile, but you cannot get a credential.',
    'mode.certified': 'Certified',
    'mode.certifiedHint': 'Our server follows the scan while you play. At the end you can get a signed credential.',
    'consent.title': 'What happens with your data',
    'consent.practice.what': 'What: your answers and reaction times, and technical details of this device (browser, screen size). No name, no e-mail address.',
    'consent.practice.where': 'Where: only in this browser on this device, so that you can continue if the page closes. Nothing is sent to us.',
    'consent.practice.howLong': 'How long: until you delete it (on the results screen) or clear your browser data.',
    'consent.practice.rights': 'Your rights: you can download and delete your data at any time.',
    'consent.certified.what':
      'What: your answers and reaction times, technical details of this device (browser, screen size) and the times they were recorded. No name, no e-mail address.',
    'consent.certified.where': 'Where: on this device and, while you play, on the Talentscan server of the organisation that offers this scan.',
    'consent.certified.why':
      'Why: so that the server can check that the scan really happened this way, and make and sign your credential from its own copy. We use it for nothing else. Legal basis: your consent.',
    'consent.certified.howLong':
      'How long: the server deletes your raw data 30 days after your credential is made, or earlier if you ask. A short record that the credential was issued is kept, so that it can be checked and withdrawn.',
    'consent.certified.rights':
      'Your rights (GDPR): you can see, download and delete your data at any time and withdraw your consent. Deleting it from the server also withdraws your credential. You can complain to the data protection authority (in the Netherlands: Autoriteit Persoonsgegevens).',
    'consent.certified.check': 'I agree that my scan data is sent to the Talentscan server and kept as described above.',
    'consent.certifiedFailed':
      'The server could not be reached, so a certified scan cannot start now. Nothing was sent. Try again in a moment, or choose practice.',
    'consent.startTokenRefused':
      'The site that shows this scan could not confirm that it started it, so a certified scan cannot start. Nothing was sent. Reload the page and try again; if this happens again, tell the site.',
    'storage.private':
      'This looks like a private window. What you do is only kept until the window closes: if it closes, your progress is lost. For the scan, open this page in a normal window.',
    'storage.framed':
      'Your browser may keep what you do here only until this window closes: this scan runs inside another site, where browsers give it less storage, or this is a private window. Keep this window open until you have finished.',
    'storage.startFull':
      'The storage of your device is full, so the scan cannot start. Nothing has been saved. Free some space (delete files or apps) and press Start again.',
    'storage.startFailed': 'This browser could not save anything, so the scan cannot start. Nothing has been saved. Try again, or use another browser.',
    'storage.unsaved':
      '{count} of your latest answers are not saved on this device yet. We keep trying by ourselves. Keep this page open, or download a backup.',
    'storage.unsavedSteps': 'Your latest steps are not saved on this device yet. We keep trying by ourselves. Keep this page open, or download a backup.',
    'storage.download': 'Download a backup',
    'storage.downloadHint': 'With the backup file you can continue later: open this page and choose "Continue from a backup".',
    'saving.title': 'Saving your answers',
    'saving.body':
      'This device has not saved your last answers yet. We continue as soon as they are saved. Free some space on your device and keep this page open.',
    'error.unsaved': 'Not everything is saved on this device: {count} answers are waiting. Do not reload this page before you have downloaded a backup.',
    'error.unsaved#one': 'Not everything is saved on this device: {count} answer is waiting. Do not reload this page before you have downloaded a backup.',
    'restore.label': 'Continue from a backup',
    'restore.failed': 'This file cannot be used: {reason}',
    'resume.saved': 'Saved on this device: {count} completed answers. You continue right after them; a round you had not finished is played again.',
    'resume.saved#one': 'Saved on this device: {count} completed answer. You continue right after it; a round you had not finished is played again.',
    'resume.unsavedAtClose':
      'When the page closed, this device had not saved at least {count} of your latest answers. If you downloaded a backup, choose "Continue from a backup" to keep them.',
    'resume.unsavedAtCloseSome':
      'When the page closed, this device had not saved your latest steps. If you downloaded a backup, choose "Continue from a backup" to keep them.',
    'restore.practiceCopy':
      'This backup is of a certified scan. Here you continue it as practice: it stays on this device, nothing is sent to the server, and it gives no credential. The server keeps what it received while you played.',
    'restore.certifiedHere':
      'This device still has this certified scan, linked to the server, so it continues here from the last point this device saved. Answers that only the backup holds were never sent to the server and cannot be certified: they were not imported.',
    'upload.waiting': 'The server has not received your last answers yet ({count} waiting). Keep this page open: it continues by itself when you are online.',
    'upload.refused': 'The server refused the data of this scan ({reason}). A credential is not possible for this session.',
    'credential.practiceNone':
      'This was a practice scan: it stayed on this device, so there is no credential. A credential is only possible for a scan our server saw happen. Choose "Certified" next time if you want one.',
  },
  nl: {
    'mode.title': 'Hoe wil je de scan doen?',
    'mode.practice': 'Oefenen (privé)',
    'mode.practiceHint': 'Alles blijft op dit apparaat. Je ziet je profiel, maar je kunt geen bewijs (credential) krijgen.',
    'mode.certified': 'Gecertificeerd',
    'mode.certifiedHint': 'Onze server volgt de scan terwijl je speelt. Aan het eind kun je een ondertekend bewijs (credential) krijgen.',
    'consent.title': 'Wat er met je gegevens gebeurt',
    'consent.practice.what':
      'Wat: je antwoorden en reactietijden, en technische gegevens van dit apparaat (browser, schermgrootte). Geen naam, geen e-mailadres.',
    'consent.practice.where': 'Waar: alleen in deze browser op dit apparaat, zodat je verder kunt als de pagina sluit. Er wordt niets naar ons gestuurd.',
    'consent.practice.howLong': 'Hoe lang: tot je ze verwijdert (op het scherm met je uitslag) of je browsergegevens wist.',
    'consent.practice.rights': 'Je rechten: je kunt je gegevens altijd downloaden en verwijderen.',
    'consent.certified.what':
      'Wat: je antwoorden en reactietijden, technische gegevens van dit apparaat (browser, schermgrootte) en de tijden waarop ze zijn vastgelegd. Geen naam, geen e-mailadres.',
    'consent.certified.where': 'Waar: op dit apparaat en, terwijl je speelt, op de Talentscan-server van de organisatie die deze scan aanbiedt.',
    'consent.certified.why':
      'Waarom: zodat de server kan nagaan dat de scan echt zo is gedaan, en je bewijs maakt en ondertekent uit zijn eigen kopie. We gebruiken ze voor niets anders. Grondslag: jouw toestemming.',
    'consent.certified.howLong':
      'Hoe lang: de server verwijdert je ruwe gegevens 30 dagen nadat je bewijs is gemaakt, of eerder als je dat vraagt. Een korte aantekening dat het bewijs is uitgegeven blijft bewaard, zodat het gecontroleerd en ingetrokken kan worden.',
    'consent.certified.rights':
      'Je rechten (AVG): je kunt je gegevens altijd inzien, downloaden en verwijderen, en je toestemming intrekken. Verwijderen van de server trekt ook je bewijs in. Je kunt een klacht indienen bij de Autoriteit Persoonsgegevens.',
    'consent.certified.check': 'Ik ga ermee akkoord dat mijn scangegevens naar de Talentscan-server gaan en bewaard worden zoals hierboven staat.',
    'consent.certifiedFailed':
      'De server is niet bereikbaar, dus een gecertificeerde scan kan nu niet beginnen. Er is niets verstuurd. Probeer het zo opnieuw, of kies oefenen.',
    'consent.startTokenRefused':
      'De site die deze scan toont, kon niet bevestigen dat zij de scan heeft gestart. Daarom kan een gecertificeerde scan niet beginnen. Er is niets verstuurd. Laad de pagina opnieuw en probeer het nog eens; gebeurt het weer, meld het dan aan de site.',
    'storage.private':
      'Dit lijkt een privévenster. Wat je doet wordt alleen bewaard tot het venster sluit: sluit het, dan ben je je voortgang kwijt. Open deze pagina voor de scan in een gewoon venster.',
    'storage.framed':
      'Je browser bewaart wat je hier doet misschien alleen tot dit venster sluit: deze scan draait binnen een andere site, waar browsers hem minder opslag geven, of dit is een privévenster. Houd dit venster open tot je klaar bent.',
    'storage.startFull':
      'De opslag van je apparaat is vol, dus de scan kan niet beginnen. Er is niets bewaard. Maak ruimte vrij (verwijder bestanden of apps) en druk opnieuw op Begin.',
    'storage.startFailed':
      'Deze browser kon niets bewaren, dus de scan kan niet beginnen. Er is niets bewaard. Probeer het opnieuw, of gebruik een andere browser.',
    'storage.unsaved':
      '{count} van je laatste antwoorden zijn nog niet op dit apparaat bewaard. We blijven het zelf proberen. Houd deze pagina open, of download een reservekopie.',
    'storage.unsavedSteps':
      'Je laatste stappen zijn nog niet op dit apparaat bewaard. We blijven het zelf proberen. Houd deze pagina open, of download een reservekopie.',
    'storage.download': 'Download een reservekopie',
    'storage.downloadHint': 'Met de reservekopie kun je later verder: open deze pagina en kies "Verder met een reservekopie".',
    'saving.title': 'Je antwoorden worden bewaard',
    'saving.body':
      'Dit apparaat heeft je laatste antwoorden nog niet bewaard. We gaan verder zodra ze bewaard zijn. Maak ruimte vrij op je apparaat en houd deze pagina open.',
    'error.unsaved':
      'Niet alles is op dit apparaat bewaard: {count} antwoorden wachten nog. Laad deze pagina niet opnieuw voordat je een reservekopie hebt gedownload.',
    'error.unsaved#one':
      'Niet alles is op dit apparaat bewaard: {count} antwoord wacht nog. Laad deze pagina niet opnieuw voordat je een reservekopie hebt gedownload.',
    'restore.label': 'Verder met een reservekopie',
    'restore.failed': 'Dit bestand kan niet gebruikt worden: {reason}',
    'resume.saved': 'Bewaard op dit apparaat: {count} afgeronde antwoorden. Je gaat direct daarna verder; een ronde die nog niet af was, speel je opnieuw.',
    'resume.saved#one': 'Bewaard op dit apparaat: {count} afgerond antwoord. Je gaat direct daarna verder; een ronde die nog niet af was, speel je opnieuw.',
    'resume.unsavedAtClose':
      'Toen de pagina sloot, had dit apparaat minstens {count} van je laatste antwoorden niet bewaard. Heb je een reservekopie gedownload? Kies dan "Verder met een reservekopie" om ze te houden.',
    'resume.unsavedAtCloseSome':
      'Toen de pagina sloot, had dit apparaat je laatste stappen niet bewaard. Heb je een reservekopie gedownload? Kies dan "Verder met een reservekopie" om ze te houden.',
    'restore.practiceCopy':
      'Deze reservekopie is van een gecertificeerde scan. Hier ga je er als oefening mee verder: hij blijft op dit apparaat, er gaat niets naar de server en je krijgt er geen credential voor. De server houdt wat hij ontving terwijl je speelde.',
    'restore.certifiedHere':
      'Dit apparaat heeft deze gecertificeerde scan nog, gekoppeld aan de server, dus hij gaat hier verder vanaf het laatste punt dat dit apparaat bewaarde. Antwoorden die alleen in de reservekopie staan, zijn nooit naar de server gestuurd en kunnen niet gecertificeerd worden: die zijn niet ingelezen.',
    'upload.waiting':
      'De server heeft je laatste antwoorden nog niet ontvangen ({count} wachten). Houd deze pagina open: het gaat vanzelf verder als je online bent.',
    'upload.refused': 'De server heeft de gegevens van deze scan geweigerd ({reason}). Een bewijs is voor deze sessie niet mogelijk.',
    'credential.practiceNone':
      'Dit was een oefenscan: hij bleef op dit apparaat, dus er is geen bewijs (credential). Een bewijs kan alleen voor een scan die onze server heeft zien gebeuren. Kies de volgende keer "Gecertificeerd" als je er een wilt.',
  },
  uk: {
    'mode.title': 'Як ви хочете пройти скан?',
    'mode.practice': 'Тренування (приватно)',
    'mode.practiceHint': 'Усе залишається на цьому пристрої. Ви бачите свій профіль, але не можете отримати сертифікат.',
    'mode.certified': 'Сертифікований',
    'mode.certifiedHint': 'Наш сервер стежить за сканом, поки ви граєте. Наприкінці ви можете отримати підписаний сертифікат.',
    'consent.title': 'Що відбувається з вашими даними',
    'consent.practice.what':
      'Що: ваші відповіді й час реакції, а також технічні дані цього пристрою (браузер, розмір екрана). Без імені, без електронної пошти.',
    'consent.practice.where': 'Де: лише в цьому браузері на цьому пристрої, щоб ви могли продовжити, якщо сторінка закриється. Нам нічого не надсилається.',
    'consent.practice.howLong': 'Як довго: доки ви їх не видалите (на екрані з результатами) або не очистите дані браузера.',
    'consent.practice.rights': 'Ваші права: ви можете будь-коли завантажити й видалити свої дані.',
    'consent.certified.what':
      'Що: ваші відповіді й час реакції, технічні дані цього пристрою (браузер, розмір екрана) і час, коли їх записано. Без імені, без електронної пошти.',
    'consent.certified.where': 'Де: на цьому пристрої і, поки ви граєте, на сервері Talentscan організації, яка пропонує цей скан.',
    'consent.certified.why':
      'Навіщо: щоб сервер міг перевірити, що скан справді відбувся саме так, і створив та підписав ваш сертифікат зі своєї копії. Ми не використовуємо їх ні для чого іншого. Підстава: ваша згода.',
    'consent.certified.howLong':
      'Як довго: сервер видаляє ваші сирі дані через 30 днів після створення сертифіката або раніше, якщо ви попросите. Короткий запис про видачу сертифіката зберігається, щоб його можна було перевірити й відкликати.',
    'consent.certified.rights':
      'Ваші права (GDPR): ви можете будь-коли переглянути, завантажити й видалити свої дані та відкликати згоду. Видалення з сервера також відкликає ваш сертифікат. Ви можете подати скаргу до органу із захисту даних (у Нідерландах: Autoriteit Persoonsgegevens).',
    'consent.certified.check': 'Я погоджуюся, що дані мого скану надсилаються на сервер Talentscan і зберігаються, як описано вище.',
    'consent.certifiedFailed':
      'Сервер недоступний, тож сертифікований скан зараз не може початися. Нічого не надіслано. Спробуйте трохи згодом або виберіть тренування.',
    'consent.startTokenRefused':
      'Сайт, який показує цей скан, не зміг підтвердити, що саме він його запустив, тому сертифікований скан не може початися. Нічого не надіслано. Перезавантажте сторінку й спробуйте ще раз; якщо це повториться, повідомте сайт.',
    'storage.private':
      'Схоже, це приватне вікно. Те, що ви робите, зберігається лише до закриття вікна: якщо воно закриється, прогрес буде втрачено. Для скану відкрийте цю сторінку у звичайному вікні.',
    'storage.framed':
      'Ваш браузер може зберігати те, що ви тут робите, лише доки це вікно відкрите: цей скан працює всередині іншого сайту, де браузери дають йому менше сховища, або це приватне вікно. Не закривайте це вікно, доки не завершите.',
    'storage.startFull':
      'Пам’ять вашого пристрою заповнена, тому скан не може початися. Нічого не збережено. Звільніть місце (видаліть файли чи застосунки) і знову натисніть «Почати».',
    'storage.startFailed':
      'Цей браузер не зміг нічого зберегти, тому скан не може початися. Нічого не збережено. Спробуйте ще раз або скористайтеся іншим браузером.',
    'storage.unsaved':
      '{count} ваших останніх відповідей ще не збережено на цьому пристрої. Ми продовжуємо пробувати самі. Не закривайте сторінку або завантажте резервну копію.',
    'storage.unsavedSteps':
      'Ваші останні кроки ще не збережено на цьому пристрої. Ми продовжуємо пробувати самі. Не закривайте сторінку або завантажте резервну копію.',
    'storage.download': 'Завантажити резервну копію',
    'storage.downloadHint': 'З резервною копією ви зможете продовжити пізніше: відкрийте цю сторінку й виберіть «Продовжити з резервної копії».',
    'saving.title': 'Зберігаємо ваші відповіді',
    'saving.body':
      'Цей пристрій ще не зберіг ваші останні відповіді. Ми продовжимо, щойно їх буде збережено. Звільніть місце на пристрої й не закривайте сторінку.',
    'error.unsaved': 'Не все збережено на цьому пристрої: {count} відповідей очікують. Не перезавантажуйте сторінку, доки не завантажите резервну копію.',
    'error.unsaved#one': 'Не все збережено на цьому пристрої: {count} відповідь очікує. Не перезавантажуйте сторінку, доки не завантажите резервну копію.',
    'error.unsaved#few': 'Не все збережено на цьому пристрої: {count} відповіді очікують. Не перезавантажуйте сторінку, доки не завантажите резервну копію.',
    'restore.label': 'Продовжити з резервної копії',
    'restore.failed': 'Цей файл не можна використати: {reason}',
    'resume.saved':
      'Збережено на цьому пристрої: {count} завершених відповідей. Ви продовжите одразу після них; раунд, який ви не завершили, буде зіграно ще раз.',
    'resume.saved#one':
      'Збережено на цьому пристрої: {count} завершена відповідь. Ви продовжите одразу після неї; раунд, який ви не завершили, буде зіграно ще раз.',
    'resume.saved#few':
      'Збережено на цьому пристрої: {count} завершені відповіді. Ви продовжите одразу після них; раунд, який ви не завершили, буде зіграно ще раз.',
    'resume.unsavedAtClose':
      'Коли сторінка закрилася, цей пристрій не зберіг щонайменше {count} ваших останніх відповідей. Якщо ви завантажили резервну копію, виберіть «Продовжити з резервної копії», щоб їх зберегти.',
    'resume.unsavedAtCloseSome':
      'Коли сторінка закрилася, цей пристрій не зберіг ваших останніх кроків. Якщо ви завантажили резервну копію, виберіть «Продовжити з резервної копії», щоб їх зберегти.',
    'restore.practiceCopy':
      'Це резервна копія сертифікованого сканування. Тут ви продовжите його як тренування: воно залишиться на цьому пристрої, нічого не надсилається на сервер, і сертифіката воно не дає. Сервер зберігає те, що отримав під час гри.',
    'restore.certifiedHere':
      "На цьому пристрої ще є це сертифіковане сканування, пов'язане із сервером, тож воно продовжиться тут від останньої точки, яку зберіг цей пристрій. Відповіді, які є лише в резервній копії, ніколи не надсилалися на сервер і не можуть бути сертифіковані: їх не імпортовано.",
    'upload.waiting': 'Сервер ще не отримав ваші останні відповіді ({count} очікують). Не закривайте сторінку: усе продовжиться саме, коли ви будете онлайн.',
    'upload.refused': 'Сервер відхилив дані цього скану ({reason}). Сертифікат для цієї сесії неможливий.',
    'credential.practiceNone':
      'Це був тренувальний скан: він залишився на цьому пристрої, тож сертифіката немає. Сертифікат можливий лише для скану, який бачив наш сервер. Наступного разу виберіть «Сертифікований», якщо він вам потрібен.',
  },
  ar: {
    'mode.title': 'كيف تريد أن تجري الفحص؟',
    'mode.practice': 'تدريب (خاص)',
    'mode.practiceHint': 'يبقى كل شيء على هذا الجهاز. سترى ملفك، لكن لا يمكنك الحصول على شهادة.',
    'mode.certified': 'معتمد',
    'mode.certifiedHint': 'يتابع خادمنا الفحص أثناء لعبك. في النهاية يمكنك الحصول على شهادة موقّعة.',
    'consent.title': 'ماذا يحدث لبياناتك',
    'consent.practice.what': 'ماذا: إجاباتك وأزمنة استجابتك، وتفاصيل تقنية عن هذا الجهاز (المتصفح، حجم الشاشة). بدون اسم وبدون بريد إلكتروني.',
    'consent.practice.where': 'أين: في هذا المتصفح على هذا الجهاز فقط، حتى تتمكن من المتابعة إذا أُغلقت الصفحة. لا يُرسل إلينا أي شيء.',
    'consent.practice.howLong': 'إلى متى: حتى تحذفها (في شاشة النتائج) أو تمسح بيانات المتصفح.',
    'consent.practice.rights': 'حقوقك: يمكنك تنزيل بياناتك وحذفها في أي وقت.',
    'consent.certified.what': 'ماذا: إجاباتك وأزمنة استجابتك، وتفاصيل تقنية عن هذا الجهاز (المتصفح، حجم الشاشة) وأوقات تسجيلها. بدون اسم وبدون بريد إلكتروني.',
    'consent.certified.where': 'أين: على هذا الجهاز، وأثناء اللعب على خادم Talentscan التابع للجهة التي تقدّم هذا الفحص.',
    'consent.certified.why':
      'لماذا: حتى يتحقق الخادم من أن الفحص جرى فعلًا بهذا الشكل، ويُعدّ شهادتك ويوقّعها من نسخته الخاصة. لا نستخدمها لأي شيء آخر. الأساس القانوني: موافقتك.',
    'consent.certified.howLong':
      'إلى متى: يحذف الخادم بياناتك الخام بعد 30 يومًا من إصدار شهادتك، أو قبل ذلك إذا طلبت. يُحتفظ بسجل قصير بأن الشهادة صدرت، حتى يمكن التحقق منها وسحبها.',
    'consent.certified.rights':
      'حقوقك (اللائحة العامة لحماية البيانات): يمكنك الاطلاع على بياناتك وتنزيلها وحذفها وسحب موافقتك في أي وقت. حذفها من الخادم يسحب شهادتك أيضًا. يمكنك تقديم شكوى إلى هيئة حماية البيانات (في هولندا: Autoriteit Persoonsgegevens).',
    'consent.certified.check': 'أوافق على إرسال بيانات فحصي إلى خادم Talentscan وحفظها كما هو موضّح أعلاه.',
    'consent.certifiedFailed': 'تعذّر الوصول إلى الخادم، لذلك لا يمكن بدء فحص معتمد الآن. لم يُرسل أي شيء. حاول بعد قليل، أو اختر التدريب.',
    'consent.startTokenRefused':
      'لم يتمكّن الموقع الذي يعرض هذا الفحص من تأكيد أنه هو من بدأه، لذلك لا يمكن بدء فحص معتمد. لم يُرسل أي شيء. أعد تحميل الصفحة وحاول مرة أخرى؛ وإذا تكرر ذلك فأخبر الموقع.',
    'storage.private': 'يبدو أن هذه نافذة خاصة. ما تفعله يُحفظ فقط حتى تُغلق النافذة: إذا أُغلقت سيضيع تقدّمك. افتح هذه الصفحة في نافذة عادية لإجراء الفحص.',
    'storage.framed':
      'قد يحفظ متصفحك ما تفعله هنا فقط حتى تُغلق هذه النافذة: هذا الفحص يعمل داخل موقع آخر، حيث تمنحه المتصفحات مساحة تخزين أقل، أو أن هذه نافذة خاصة. أبقِ هذه النافذة مفتوحة حتى تنتهي.',
    'storage.startFull': 'ذاكرة جهازك ممتلئة، لذلك لا يمكن بدء الفحص. لم يُحفظ أي شيء. أفرغ بعض المساحة (احذف ملفات أو تطبيقات) ثم اضغط ابدأ مرة أخرى.',
    'storage.startFailed': 'لم يتمكن هذا المتصفح من حفظ أي شيء، لذلك لا يمكن بدء الفحص. لم يُحفظ أي شيء. حاول مرة أخرى أو استخدم متصفحًا آخر.',
    'storage.unsaved': '{count} من إجاباتك الأخيرة لم تُحفظ على هذا الجهاز بعد. نواصل المحاولة تلقائيًا. أبقِ هذه الصفحة مفتوحة، أو نزّل نسخة احتياطية.',
    'storage.unsavedSteps': 'خطواتك الأخيرة لم تُحفظ على هذا الجهاز بعد. نواصل المحاولة تلقائيًا. أبقِ هذه الصفحة مفتوحة، أو نزّل نسخة احتياطية.',
    'storage.download': 'نزّل نسخة احتياطية',
    'storage.downloadHint': 'بالنسخة الاحتياطية يمكنك المتابعة لاحقًا: افتح هذه الصفحة واختر «تابع من نسخة احتياطية».',
    'saving.title': 'نحفظ إجاباتك',
    'saving.body': 'لم يحفظ هذا الجهاز إجاباتك الأخيرة بعد. سنتابع بمجرد حفظها. أفرغ بعض المساحة على جهازك وأبقِ هذه الصفحة مفتوحة.',
    'error.unsaved': 'لم يُحفظ كل شيء على هذا الجهاز: {count} إجابة في الانتظار. لا تُعد تحميل الصفحة قبل تنزيل نسخة احتياطية.',
    'error.unsaved#one': 'لم يُحفظ كل شيء على هذا الجهاز: إجابة واحدة في الانتظار. لا تُعد تحميل الصفحة قبل تنزيل نسخة احتياطية.',
    'error.unsaved#two': 'لم يُحفظ كل شيء على هذا الجهاز: إجابتان في الانتظار. لا تُعد تحميل الصفحة قبل تنزيل نسخة احتياطية.',
    'error.unsaved#few': 'لم يُحفظ كل شيء على هذا الجهاز: {count} إجابات في الانتظار. لا تُعد تحميل الصفحة قبل تنزيل نسخة احتياطية.',
    'restore.label': 'تابع من نسخة احتياطية',
    'restore.failed': 'لا يمكن استخدام هذا الملف: {reason}',
    'resume.saved': 'محفوظ على هذا الجهاز: {count} إجابة مكتملة. ستتابع مباشرة بعدها؛ والجولة التي لم تُكملها ستُلعب من جديد.',
    'resume.saved#one': 'محفوظ على هذا الجهاز: إجابة واحدة مكتملة. ستتابع مباشرة بعدها؛ والجولة التي لم تُكملها ستُلعب من جديد.',
    'resume.saved#two': 'محفوظ على هذا الجهاز: إجابتان مكتملتان. ستتابع مباشرة بعدهما؛ والجولة التي لم تُكملها ستُلعب من جديد.',
    'resume.saved#few': 'محفوظ على هذا الجهاز: {count} إجابات مكتملة. ستتابع مباشرة بعدها؛ والجولة التي لم تُكملها ستُلعب من جديد.',
    'resume.unsavedAtClose':
      'عندما أُغلقت الصفحة، لم يكن هذا الجهاز قد حفظ {count} على الأقل من إجاباتك الأخيرة. إذا نزّلت نسخة احتياطية، فاختر «تابع من نسخة احتياطية» للاحتفاظ بها.',
    'resume.unsavedAtCloseSome':
      'عندما أُغلقت الصفحة، لم يكن هذا الجهاز قد حفظ خطواتك الأخيرة. إذا نزّلت نسخة احتياطية، فاختر «تابع من نسخة احتياطية» للاحتفاظ بها.',
    'restore.practiceCopy':
      'هذه نسخة احتياطية من فحص معتمد. هنا تتابعه كتدريب: يبقى على هذا الجهاز، ولا يُرسل شيء إلى الخادم، ولا يمنح شهادة. يحتفظ الخادم بما استلمه أثناء لعبك.',
    'restore.certifiedHere':
      'لا يزال هذا الفحص المعتمد على هذا الجهاز ومرتبطًا بالخادم، لذلك يتابع هنا من آخر نقطة حفظها هذا الجهاز. الإجابات الموجودة في النسخة الاحتياطية فقط لم تُرسل إلى الخادم قط ولا يمكن اعتمادها: لم تُستورد.',
    'upload.waiting': 'لم يستلم الخادم إجاباتك الأخيرة بعد ({count} في الانتظار). أبقِ هذه الصفحة مفتوحة: ستُستكمل تلقائيًا عندما تكون متصلًا.',
    'upload.refused': 'رفض الخادم بيانات هذا الفحص ({reason}). لا يمكن إصدار شهادة لهذه الجلسة.',
    'credential.practiceNone':
      'كان هذا فحصًا تدريبيًا: بقي على هذا الجهاز، لذلك لا توجد شهادة. الشهادة ممكنة فقط لفحص رآه خادمنا أثناء حدوثه. اختر «معتمد» في المرة القادمة إذا أردت شهادة.',
  },
};

registerMessages(SESSION_MESSAGES);
