import type { CommentBank } from './bank.js';

/** English: expats, visitors and people sending flowers from abroad. */
export const en: CommentBank = {
  topics: {
    shop: {
      positive: [
        'The florist really listened and suggested colours that suited my friend perfectly.',
        'Gorgeous bouquet, and the flowers lasted well over a week.',
        'Staff switched to English without hesitation and gave great advice.',
        "Got excellent tips on caring for my orchid; it's still blooming.",
        'They made the funeral wreath at short notice, exactly as we hoped. Very kind and discreet staff.',
        'Our wedding bouquet and table flowers were perfect.',
        'Fresh tulips at a fair price.',
      ],
      neutral: [
        'Lovely flowers, but the queue was long and I waited almost fifteen minutes.',
        'Decent bouquet, a bit pricey for the size.',
        'Friendly staff, but not much left to choose from in the afternoon.',
        'Fine shop, but the opening hours could be longer on weekdays.',
        'Nice flowers, though the wrapping used a lot of plastic.',
      ],
      negative: [
        'The roses I bought had wilted by the next morning.',
        'I waited ages and nobody even said hello.',
        "The funeral flowers weren't ready at the agreed time, which was really distressing.",
        'Prices have gone up a lot while the bouquets have got smaller.',
        'I asked for pastel tones and got something completely different.',
        'Staff seemed rushed and quite unfriendly.',
      ],
    },
    web: {
      positive: [
        'Easy to order online and the flowers arrived on the promised day.',
        'The bouquet looked even better in real life than in the photo.',
        'Sent flowers to my mum in another city and she called me straight away, delighted.',
        'I got a text when the flowers were delivered. Exactly the kind of update I want.',
        'The site has an English version, which made ordering from abroad simple.',
        'Same-day delivery saved my anniversary!',
      ],
      neutral: [
        'The bouquet was fine but smaller than in the picture.',
        'Ordering worked, but the delivery fee was a surprise at checkout.',
        'The flowers arrived but I never got a delivery confirmation.',
        'Parts of the checkout were only in Finnish, so I had to guess a bit.',
      ],
      negative: [
        'The bouquet looked nothing like the photo. Disappointing.',
        'I was charged twice and it took a week to get a refund.',
        'No order confirmation ever arrived, so I had no idea if the order went through.',
        "The birthday bouquet arrived without the card, so the recipient didn't know who it was from.",
        'The web shop crashed twice at payment. I ended up ordering elsewhere.',
      ],
    },
    delivery: {
      positive: [
        'The driver called ahead and brought the flowers right to the door.',
        'Arrived exactly on time and beautifully packed.',
        'The bouquet came in a water bag and was perfectly fresh despite the freezing weather.',
        'The funeral flowers were delivered to the chapel in good time.',
        'The recipient was thrilled; the flowers were in perfect condition.',
      ],
      neutral: [
        'Delivery was a little late, but the flowers were fine.',
        "The driver didn't call ahead, so a neighbour took the flowers in.",
        'One stem was broken in transit, otherwise good.',
        "The tracking link didn't work, but the flowers did arrive.",
      ],
      negative: [
        'The bouquet froze because it was left outside the door in sub-zero temperatures.',
        'The courier left the flowers in the stairwell without telling anyone.',
        'The vase was cracked and there was water all over the box.',
        'The arrangement had tipped over in transit and looked sad.',
      ],
    },
    service: {
      positive: [
        'Got a reply to my email within an hour and it was sorted in one go.',
        'Changing the delivery address the same morning was no problem at all.',
        'They apologised for the mistake and sent a new bouquet right away.',
        'The refund came through the next day. Very smooth.',
        'Clear answer that told me exactly what happens next.',
        'Customer service called me themselves when the delivery was delayed. Much appreciated.',
      ],
      neutral: [
        'It got sorted, but I waited two days for a reply.',
        'Helpful in the end, but I had to give my order number three times.',
        'Polite answer, but a bit vague.',
      ],
      negative: [
        'I sent three emails before anyone replied.',
        'I was bounced between the courier and the shop and nobody took responsibility.',
        'Nobody answered the phone and my email only got an automatic reply.',
        "I've heard nothing about my complaint for two weeks.",
      ],
    },
  },
  late: [
    'The courier was three hours late and the flowers arrived after the party.',
    'The promised delivery window was missed by hours and nobody told us.',
    'The confirmation said before noon; the flowers turned up after six.',
    "Couldn't reach the courier company by phone and the flowers were late all day.",
  ],
  seasons: {
    valentine: {
      positive: ["The Valentine's roses were stunning and my partner loved them."],
      negative: ["On Valentine's Day the red roses were sold out by noon."],
      late: ["The Valentine's roses arrived the day after. Not very romantic."],
    },
    mothers: {
      positive: ["My mum was so happy with the Mother's Day bouquet!"],
      negative: ["The shop was chaos the day before Mother's Day and almost everything was gone."],
      late: [
        "The Mother's Day flowers only arrived in the evening although I ordered morning delivery a week ahead.",
      ],
    },
    christmas: {
      positive: ['The Christmas amaryllis lasted until Epiphany!'],
      negative: ['Before Christmas the shop was so packed that nobody had time to serve us.'],
      late: [
        'The amaryllis ordered for Christmas Eve arrived in the afternoon when the guests were already there.',
      ],
    },
  },
  closers: {
    positive: ['Thank you!', 'Highly recommended.', 'Will definitely come back.'],
    neutral: ['Otherwise fine.', 'Might try again.'],
    negative: ['Really disappointing.', "Won't order again.", 'Please fix this.'],
  },
};
