/**
 * Words of the optional feedback sound (the switch on the device check and the pause screen) in every shell language,
 * at B1 level; registered for `tDynamic` when first imported.
 */
import { registerMessages } from '../i18n/index.ts';
import type { GameMessages } from '../runtime/game-contract.ts';

export const SOUND_MESSAGES: GameMessages = {
  en: {
    'sound.label': 'Sounds',
    'sound.on': 'On',
    'sound.off': 'Off',
    'sound.hint': 'Short, soft sounds when you get points and at a break. Just for fun: everything they tell you is also on the screen.',
  },
  nl: {
    'sound.label': 'Geluidjes',
    'sound.on': 'Aan',
    'sound.off': 'Uit',
    'sound.hint': 'Korte, zachte geluidjes als je punten krijgt en bij een pauze. Alleen voor de leuk: alles wat ze vertellen, zie je ook op het scherm.',
  },
  uk: {
    'sound.label': 'Звуки',
    'sound.on': 'Увімк.',
    'sound.off': 'Вимк.',
    'sound.hint': 'Короткі тихі звуки, коли ви отримуєте бали, і під час перерви. Просто для задоволення: усе, що вони повідомляють, видно й на екрані.',
  },
  ar: {
    'sound.label': 'الأصوات',
    'sound.on': 'تشغيل',
    'sound.off': 'إيقاف',
    'sound.hint': 'أصوات قصيرة وهادئة عندما تحصل على نقاط وفي الاستراحة. للمتعة فقط: كل ما تخبرك به تراه أيضًا على الشاشة.',
  },
};

registerMessages(SOUND_MESSAGES);
