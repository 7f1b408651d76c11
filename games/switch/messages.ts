import type { GameMessages } from '../../src/runtime/game-contract.ts';

/**
 * Switch's words: block instructions and metric names, in every shell language. The colour rule names lightness and
 * stripes as well as hue, so that it can be followed without telling blue from orange.
 */
export const switchMessages: GameMessages = {
  en: {
    'switch.colour': 'Palette sign: sort by colour. Dark striped blue → left, light orange → right. Press ← or →, or tap that side.',
    'switch.colourTest': 'For real now: sort by colour, fast and without mistakes.',
    'switch.shape': 'Shapes sign: sort by shape. Circle → left, square → right. Press ← or →, or tap that side.',
    'switch.shapeTest': 'For real now: sort by shape, fast and without mistakes.',
    'switch.mixed': 'Now the sign changes. Look at the sign first: it tells you to sort by colour or by shape.',
    'switch.mixedTest': 'For real now: follow the sign, fast and without mistakes.',
    'game.switch': 'Switch',
    'metric.switch.switch_cost_rt': 'Switching: extra time when the rule changes',
    'metric.switch.mixing_cost_rt': 'Switching: extra time when rules are mixed',
    'metric.switch.accuracy_single': 'Switching: accuracy with one rule',
    'metric.switch.accuracy_repeat': 'Switching: accuracy when the rule stays',
    'metric.switch.accuracy_switch': 'Switching: accuracy when the rule changes',
    'metric.switch.median_rt': 'Switching: median time',
    'metric.switch.composite': 'Switching: correct answers per second',
  },
  nl: {
    'switch.colour': 'Palet-teken: sorteer op kleur. Donkerblauw gestreept → links, licht oranje → rechts. Druk op ← of →, of tik aan die kant.',
    'switch.colourTest': 'Nu echt: sorteer op kleur, snel en zonder fouten.',
    'switch.shape': 'Vormen-teken: sorteer op vorm. Cirkel → links, vierkant → rechts. Druk op ← of →, of tik aan die kant.',
    'switch.shapeTest': 'Nu echt: sorteer op vorm, snel en zonder fouten.',
    'switch.mixed': 'Nu wisselt het teken. Kijk eerst naar het teken: het zegt of je op kleur of op vorm sorteert.',
    'switch.mixedTest': 'Nu echt: volg het teken, snel en zonder fouten.',
    'game.switch': 'Wisselen',
    'metric.switch.switch_cost_rt': 'Wisselen: extra tijd als de regel verandert',
    'metric.switch.mixing_cost_rt': 'Wisselen: extra tijd als regels door elkaar gaan',
    'metric.switch.accuracy_single': 'Wisselen: nauwkeurigheid met één regel',
    'metric.switch.accuracy_repeat': 'Wisselen: nauwkeurigheid als de regel blijft',
    'metric.switch.accuracy_switch': 'Wisselen: nauwkeurigheid als de regel verandert',
    'metric.switch.median_rt': 'Wisselen: middelste tijd',
    'metric.switch.composite': 'Wisselen: goede antwoorden per seconde',
  },
  uk: {
    'switch.colour':
      'Знак палітри: сортуйте за кольором. Темно-синій у смужку → ліворуч, світло-помаранчевий → праворуч. Натисніть ← або → чи торкніться цього боку.',
    'switch.colourTest': 'Тепер по-справжньому: сортуйте за кольором, швидко й без помилок.',
    'switch.shape': 'Знак фігур: сортуйте за формою. Коло → ліворуч, квадрат → праворуч. Натисніть ← або → чи торкніться цього боку.',
    'switch.shapeTest': 'Тепер по-справжньому: сортуйте за формою, швидко й без помилок.',
    'switch.mixed': 'Тепер знак змінюється. Спершу дивіться на знак: він показує, сортувати за кольором чи за формою.',
    'switch.mixedTest': 'Тепер по-справжньому: стежте за знаком, швидко й без помилок.',
    'game.switch': 'Перемикання',
    'metric.switch.switch_cost_rt': 'Перемикання: додатковий час, коли правило змінюється',
    'metric.switch.mixing_cost_rt': 'Перемикання: додатковий час, коли правила чергуються',
    'metric.switch.accuracy_single': 'Перемикання: точність з одним правилом',
    'metric.switch.accuracy_repeat': 'Перемикання: точність, коли правило те саме',
    'metric.switch.accuracy_switch': 'Перемикання: точність, коли правило змінюється',
    'metric.switch.median_rt': 'Перемикання: медіанний час',
    'metric.switch.composite': 'Перемикання: правильні відповіді за секунду',
  },
  ar: {
    // Mapping written with colons, not arrows: an arrow reads the other way in right-to-left text.
    'switch.colour': 'علامة الألوان: صنّف حسب اللون. الأزرق الداكن المخطّط: اليسار. البرتقالي الفاتح: اليمين. اضغط ← أو → أو المس تلك الجهة.',
    'switch.colourTest': 'الآن بجدية: صنّف حسب اللون، بسرعة ودون أخطاء.',
    'switch.shape': 'علامة الأشكال: صنّف حسب الشكل. الدائرة: اليسار. المربع: اليمين. اضغط ← أو → أو المس تلك الجهة.',
    'switch.shapeTest': 'الآن بجدية: صنّف حسب الشكل، بسرعة ودون أخطاء.',
    'switch.mixed': 'الآن تتغيّر العلامة. انظر إلى العلامة أولًا: فهي تخبرك هل تصنّف حسب اللون أم حسب الشكل.',
    'switch.mixedTest': 'الآن بجدية: اتبع العلامة، بسرعة ودون أخطاء.',
    'game.switch': 'التبديل',
    'metric.switch.switch_cost_rt': 'التبديل: وقت إضافي عند تغيّر القاعدة',
    'metric.switch.mixing_cost_rt': 'التبديل: وقت إضافي عند خلط القواعد',
    'metric.switch.accuracy_single': 'التبديل: الدقة مع قاعدة واحدة',
    'metric.switch.accuracy_repeat': 'التبديل: الدقة عند بقاء القاعدة',
    'metric.switch.accuracy_switch': 'التبديل: الدقة عند تغيّر القاعدة',
    'metric.switch.median_rt': 'التبديل: الزمن الوسيط',
    'metric.switch.composite': 'التبديل: إجابات صحيحة في الثانية',
  },
};
