/**
 * Words of the results' explanations of gaps: an area of the scan that could not be measured (why, in plain words, and
 * that it is no judgement), areas that are not part of the scan, how much of a role's profile a fit rests on, and the
 * ends of the 1–10 scale — in every shell language, at B1 level. Registered for `tDynamic` when first imported
 * (src/shell/feature-messages.ts).
 */
import { registerMessages } from '../i18n/index.ts';
import type { GameMessages } from '../runtime/game-contract.ts';

export const RESULTS_EXPLAIN_MESSAGES: GameMessages = {
  en: {
    'unmeasured.title': 'What we could not measure this time',
    'unmeasured.body': 'This is not a judgement of you. It only means that your answers in this game did not give enough to make a score.',
    'unmeasured.none': 'This time we could not measure any area, so there is nothing to compare yet.',
    'unmeasured.game': 'Game: {game}',
    'unmeasured.hint.early': 'Many answers came before the picture appeared. Next time, wait until you see it, then answer.',
    'unmeasured.hint.few-answers': 'Too few answers came in. Next time, try to answer every turn, also when you are not sure.',
    'unmeasured.hint.rules':
      'The answers did not seem to follow the rule of the game. Maybe the explanation was not clear. Next time, watch the example calmly.',
    'unmeasured.hint.practice':
      'The practice round did not work out. Maybe the explanation was not clear. Next time, take your time for the example and the practice.',
    'unmeasured.hint.interrupted':
      'The game was stopped often, for example because another screen was opened. Next time, choose a quiet moment and stay on this page.',
    'unmeasured.hint.not-finished': 'This game was not finished.',
    'unmeasured.hint.technical': 'Something went wrong with the device or the recording. That is not your fault. Next time, close other apps and tabs.',
    'unmeasured.hint.other': 'The answers did not give enough to make a score.',
    'unmeasured.again': 'You can do the scan again. Every game starts again with an example and a practice round.',
    notInScan: 'Not part of this scan: {domains}. The standard scan measures these areas too.',
    'fit.coverage': 'based on {measured} of {count} areas',
    'fit.coverage#one': 'based on {measured} of {count} area',
    'fit.rough': 'A rough estimate: not every area this role asks for was measured.',
    'fit.noneComputed': 'This time too little was measured to compare with the example roles.',
    'fit.veryLow': 'Little overlap',
    'fit.notJudgement': 'A fit compares how you played today with what an example role asks. It says nothing about whether you can do a job.',
    'scale.low': '{n} · low',
    'scale.high': '{n} · high',
  },
  nl: {
    'unmeasured.title': 'Wat we deze keer niet konden meten',
    'unmeasured.body': 'Dit is geen oordeel over jou. Het betekent alleen dat je antwoorden in dit spel niet genoeg zeiden om een score te geven.',
    'unmeasured.none': 'Deze keer konden we geen enkel gebied meten. Er is dus nog niets om te vergelijken.',
    'unmeasured.game': 'Spel: {game}',
    'unmeasured.hint.early': 'Veel antwoorden kwamen al voordat het plaatje verscheen. Wacht de volgende keer tot je het ziet, en antwoord dan.',
    'unmeasured.hint.few-answers': 'Er kwamen te weinig antwoorden binnen. Probeer de volgende keer elke beurt te antwoorden, ook als je twijfelt.',
    'unmeasured.hint.rules':
      'De antwoorden leken niet bij de regel van het spel te passen. Misschien was de uitleg niet duidelijk. Kijk de volgende keer rustig naar het voorbeeld.',
    'unmeasured.hint.practice':
      'De oefenronde lukte niet. Misschien was de uitleg niet duidelijk. Neem de volgende keer de tijd voor het voorbeeld en het oefenen.',
    'unmeasured.hint.interrupted':
      'Het spel werd vaak onderbroken, bijvoorbeeld doordat een ander scherm openging. Kies de volgende keer een rustig moment en blijf op deze pagina.',
    'unmeasured.hint.not-finished': 'Dit spel is niet afgemaakt.',
    'unmeasured.hint.technical': 'Er ging iets mis met het apparaat of de opname. Dat ligt niet aan jou. Sluit de volgende keer andere apps en tabbladen.',
    'unmeasured.hint.other': 'De antwoorden zeiden niet genoeg om een score te geven.',
    'unmeasured.again': 'Je kunt de scan nog een keer doen. Elk spel begint weer met een voorbeeld en een oefenronde.',
    notInScan: 'Niet onderdeel van deze scan: {domains}. De standaardscan meet deze gebieden ook.',
    'fit.coverage': 'op basis van {measured} van {count} gebieden',
    'fit.coverage#one': 'op basis van {measured} van {count} gebied',
    'fit.rough': 'Een ruwe schatting: niet alles wat deze rol vraagt is gemeten.',
    'fit.noneComputed': 'Deze keer is te weinig gemeten om te vergelijken met de voorbeeldrollen.',
    'fit.veryLow': 'Weinig overeenkomst',
    'fit.notJudgement': 'Passendheid vergelijkt hoe je vandaag speelde met wat een voorbeeldrol vraagt. Het zegt niets over of je een baan kunt doen.',
    'scale.low': '{n} · laag',
    'scale.high': '{n} · hoog',
  },
  uk: {
    'unmeasured.title': 'Що ми не змогли виміряти цього разу',
    'unmeasured.body': 'Це не оцінка вас. Це лише означає, що ваших відповідей у цій грі було недостатньо, щоб дати результат.',
    'unmeasured.none': 'Цього разу ми не змогли виміряти жодної сфери, тож поки що немає з чим порівнювати.',
    'unmeasured.game': 'Гра: {game}',
    'unmeasured.hint.early':
      'Багато відповідей прийшло ще до того, як з’явилося зображення. Наступного разу зачекайте, поки його побачите, і тоді відповідайте.',
    'unmeasured.hint.few-answers': 'Надійшло замало відповідей. Наступного разу спробуйте відповідати на кожен хід, навіть якщо не впевнені.',
    'unmeasured.hint.rules':
      'Відповіді, здається, не відповідали правилу гри. Можливо, пояснення було незрозумілим. Наступного разу спокійно подивіться приклад.',
    'unmeasured.hint.practice': 'Тренувальний раунд не вдався. Можливо, пояснення було незрозумілим. Наступного разу не поспішайте з прикладом і тренуванням.',
    'unmeasured.hint.interrupted':
      'Гру часто переривали, наприклад, бо відкривався інший екран. Наступного разу оберіть спокійну хвилину і залишайтеся на цій сторінці.',
    'unmeasured.hint.not-finished': 'Цю гру не завершено.',
    'unmeasured.hint.technical': 'Щось пішло не так із пристроєм або записом. Це не ваша провина. Наступного разу закрийте інші програми та вкладки.',
    'unmeasured.hint.other': 'Відповідей було недостатньо, щоб дати результат.',
    'unmeasured.again': 'Ви можете пройти скан ще раз. Кожна гра знову починається з прикладу і тренувального раунду.',
    notInScan: 'Не входить до цього скану: {domains}. Стандартний скан вимірює і ці сфери.',
    'fit.coverage': 'на основі {measured} з {count} сфер',
    'fit.coverage#one': 'на основі {measured} з {count} сфери',
    'fit.rough': 'Приблизна оцінка: виміряно не все, що потрібно для цієї ролі.',
    'fit.noneComputed': 'Цього разу виміряно замало, щоб порівняти з прикладами ролей.',
    'fit.veryLow': 'Мало збігів',
    'fit.notJudgement':
      'Відповідність порівнює, як ви грали сьогодні, з тим, чого вимагає приклад ролі. Вона нічого не каже про те, чи можете ви виконувати роботу.',
    'scale.low': '{n} · низько',
    'scale.high': '{n} · високо',
  },
  ar: {
    'unmeasured.title': 'ما لم نتمكن من قياسه هذه المرة',
    'unmeasured.body': 'هذا ليس حكمًا عليك. يعني فقط أن إجاباتك في هذه اللعبة لم تكن كافية لإعطاء نتيجة.',
    'unmeasured.none': 'لم نتمكن هذه المرة من قياس أي مجال، لذلك لا يوجد بعد ما نقارنه.',
    'unmeasured.game': 'اللعبة: {game}',
    'unmeasured.hint.early': 'جاءت إجابات كثيرة قبل ظهور الصورة. في المرة القادمة انتظر حتى تراها، ثم أجب.',
    'unmeasured.hint.few-answers': 'وصلت إجابات قليلة جدًا. في المرة القادمة حاول أن تجيب في كل دور، حتى عندما لا تكون متأكدًا.',
    'unmeasured.hint.rules': 'يبدو أن الإجابات لم تتبع قاعدة اللعبة. ربما لم يكن الشرح واضحًا. في المرة القادمة شاهد المثال بهدوء.',
    'unmeasured.hint.practice': 'لم تنجح جولة التدريب. ربما لم يكن الشرح واضحًا. في المرة القادمة خذ وقتك مع المثال والتدريب.',
    'unmeasured.hint.interrupted': 'توقفت اللعبة كثيرًا، مثلًا لأن شاشة أخرى فُتحت. في المرة القادمة اختر وقتًا هادئًا وابقَ في هذه الصفحة.',
    'unmeasured.hint.not-finished': 'لم تكتمل هذه اللعبة.',
    'unmeasured.hint.technical': 'حدث خطأ في الجهاز أو في التسجيل. هذا ليس خطأك. في المرة القادمة أغلق التطبيقات وعلامات التبويب الأخرى.',
    'unmeasured.hint.other': 'لم تكن الإجابات كافية لإعطاء نتيجة.',
    'unmeasured.again': 'يمكنك إعادة الفحص. تبدأ كل لعبة من جديد بمثال وجولة تدريب.',
    notInScan: 'ليست جزءًا من هذا الفحص: {domains}. الفحص القياسي يقيس هذه المجالات أيضًا.',
    'fit.coverage': 'بناءً على {measured} من {count} مجال',
    'fit.coverage#one': 'بناءً على {measured} من مجال واحد',
    'fit.coverage#two': 'بناءً على {measured} من مجالين',
    'fit.coverage#few': 'بناءً على {measured} من {count} مجالات',
    'fit.coverage#many': 'بناءً على {measured} من {count} مجالًا',
    'fit.rough': 'تقدير تقريبي: لم يُقس كل ما يطلبه هذا الدور.',
    'fit.noneComputed': 'هذه المرة قيس القليل جدًا للمقارنة مع الأدوار النموذجية.',
    'fit.veryLow': 'تشابه قليل',
    'fit.notJudgement': 'تقارن الملاءمة بين طريقة لعبك اليوم وما يطلبه دور نموذجي. ولا تقول شيئًا عن قدرتك على أداء وظيفة.',
    'scale.low': '{n} · منخفض',
    'scale.high': '{n} · مرتفع',
  },
};

registerMessages(RESULTS_EXPLAIN_MESSAGES);
