/** The demo catalog: products a shop of eyewear, watches, bags, apparel and home goods would sell. */
import type { Category, ProductAttributes } from '../protocol/catalog.js';
import { bag, bracelet, frame, garment, hat, home, optical, shoe, sunglasses, watch, wrist } from './builders.js';

export interface DemoProduct {
  id: string;
  name: string;
  description: string;
  category: Category;
  /** Price in minor units of the shop's currency. */
  price: number;
  stock: number;
  attributes: ProductAttributes;
  /** The product photo as an SVG illustration, rasterised with sharp at seed time. */
  art: () => string;
}

const ALPHA = ['XS', 'S', 'M', 'L', 'XL'];

const SUNGLASSES: DemoProduct[] = [
  sunglasses({
    id: 'aviator-gold', name: 'Meridian Aviator Gold', price: 14900, stock: 25,
    description: 'Teardrop aviator in a thin gold-tone metal frame with classic green lenses.',
    attributes: frame('aviator', 140, '#c8a24a', '#3a4a3a', 0.8, 'stainless steel'),
  }),
  sunglasses({
    id: 'harbor-wayfarer-black', name: 'Harbor Wayfarer Black', price: 12900, stock: 40,
    description: 'Trapezoid acetate frame with a strong brow line and dark grey lenses; an everyday classic.',
    attributes: frame('rectangle', 146, '#141414', '#2b2b2b', 0.85, 'acetate'),
  }),
  sunglasses({
    id: 'lennon-round-silver', name: 'Lennon Round Silver', price: 11900, stock: 18,
    description: 'Round wire frame in brushed silver with warm brown lenses.',
    attributes: frame('round', 136, '#b0b4b8', '#6b4a2b', 0.7, 'stainless steel'),
  }),
  sunglasses({
    id: 'riviera-cat-eye-burgundy', name: 'Riviera Cat-Eye Burgundy', price: 13900, stock: 4,
    description: 'Upswept cat-eye in deep burgundy acetate with plum gradient lenses.',
    attributes: frame('cat-eye', 138, '#7a1f2b', '#3b2a4a', 0.75, 'acetate'),
  }),
  sunglasses({
    id: 'kit-square-walnut', name: 'Kit Square Walnut', price: 12500, stock: 22,
    description: 'Oversized square frame in walnut brown acetate with teal lenses.',
    attributes: frame('square', 148, '#5a3b22', '#225566', 0.7, 'acetate'),
  }),
  sunglasses({
    id: 'dawn-oval-amber', name: 'Dawn Oval Amber', price: 10900, stock: 30,
    description: 'Soft oval frame in navy with light amber lenses for overcast days and evening driving.',
    attributes: frame('oval', 134, '#2f3a4a', '#d9a441', 0.35, 'acetate'),
  }),
];

const OPTICAL: DemoProduct[] = [
  optical({
    id: 'reader-round-titanium', name: 'Reader Round Titanium', price: 16900, stock: 15,
    description: 'Featherweight round titanium frame in gunmetal, ready for your prescription.',
    attributes: frame('round', 132, '#6e7278', null, 0.1, 'titanium'),
  }),
  optical({
    id: 'atelier-rectangle-ink', name: 'Atelier Rectangle Ink', price: 14500, stock: 28,
    description: 'Slim rectangular acetate frame in ink blue; clear demo lenses.',
    attributes: frame('rectangle', 142, '#1e2530', null, 0.08, 'acetate'),
  }),
  optical({
    id: 'studio-oval-honey', name: 'Studio Oval Honey', price: 13500, stock: 12,
    description: 'Oval frame in warm honey acetate; clear demo lenses.',
    attributes: frame('oval', 136, '#9b6b43', null, 0.1, 'acetate'),
  }),
  optical({
    id: 'grid-square-forest', name: 'Grid Square Forest', price: 13900, stock: 3,
    description: 'Bold square frame in forest green acetate; clear demo lenses.',
    attributes: frame('square', 144, '#3c5a4a', null, 0.12, 'acetate'),
  }),
];

const WRISTWEAR: DemoProduct[] = [
  watch({
    id: 'field-watch-38', name: 'Field Watch 38', price: 18900, stock: 12,
    description: 'A 38 mm steel field watch with a forest green dial and a brown leather strap.',
    attributes: wrist(38, '#b0b4b8', '#1d2a1f', '#6b4a2b', 20, 'steel, leather'),
  }),
  watch({
    id: 'tide-diver-42', name: 'Tide Diver 42', price: 32900, stock: 8,
    description: 'A 42 mm steel diver with a navy dial on a navy rubber strap.',
    attributes: wrist(42, '#c0c4c8', '#0e1a33', '#1f2430', 22, 'steel, rubber'),
  }),
  watch({
    id: 'petite-dress-36', name: 'Petite Dress Watch 36', price: 24900, stock: 10,
    description: 'A slim 36 mm gold-tone dress watch with a champagne dial and a burgundy leather strap.',
    attributes: wrist(36, '#d4af6a', '#e8d9b5', '#7a2a2a', 18, 'gold-plated steel, leather'),
  }),
  watch({
    id: 'stealth-44-black', name: 'Stealth 44 Black', price: 27900, stock: 6,
    description: 'A 44 mm black-coated case with a charcoal dial on a black canvas strap.',
    attributes: wrist(44, '#2a2c30', '#3b3f46', '#141517', 24, 'coated steel, canvas'),
  }),
  bracelet('bangle', {
    id: 'gold-bangle', name: 'Slim Gold Bangle', price: 8900, stock: 35,
    description: 'A 6 mm polished bangle in gold-plated brass.',
    attributes: { strapColor: '#c8a24a', strapWidthMm: 6, colors: ['#c8a24a'], material: 'gold-plated brass' },
  }),
  bracelet('cuff', {
    id: 'leather-cuff-brown', name: 'Leather Cuff Brown', price: 4900, stock: 20,
    description: 'A 14 mm vegetable-tanned leather cuff with a press-stud closure.',
    attributes: { strapColor: '#6b3f24', strapWidthMm: 14, colors: ['#6b3f24'], material: 'vegetable-tanned leather' },
  }),
  bracelet('beads', {
    id: 'lagoon-bead-bracelet', name: 'Lagoon Bead Bracelet', price: 3900, stock: 50,
    description: 'Stretch bracelet of teal glass, sand wood and black onyx beads.',
    attributes: { strapColor: '#2f5d62', strapWidthMm: 8, colors: ['#2f5d62', '#d9c7a7', '#1d1d1d'], material: 'glass, wood, onyx' },
  }),
];

const BAGS: DemoProduct[] = [
  bag('tote', {
    id: 'market-canvas-tote', name: 'Market Canvas Tote', price: 5900, stock: 45,
    description: 'A roomy natural canvas tote with leather handles.',
    attributes: {
      colors: ['#d8c9a8', '#7a5533'],
      colorOptions: [{ name: 'Natural', hex: '#d8c9a8' }, { name: 'Black', hex: '#1f1f1f' }, { name: 'Olive', hex: '#6b6b3a' }],
      material: 'cotton canvas, leather',
    },
  }),
  bag('backpack', {
    id: 'trail-daypack-20', name: 'Trail Daypack 20 L', price: 8900, stock: 30,
    description: 'A 20 litre daypack in forest green with a zipped front pocket and padded straps.',
    attributes: { colors: ['#2f4a3a', '#24382c'], material: 'recycled nylon' },
  }),
  bag('handbag', {
    id: 'lucia-top-handle', name: 'Lucia Top-Handle Bag', price: 22900, stock: 9,
    description: 'A structured oxblood leather handbag with a brass turn-lock.',
    attributes: { colors: ['#8a2f2f', '#c9a55a'], material: 'full-grain leather' },
  }),
  bag('suitcase', {
    id: 'carry-on-spinner-55', name: 'Carry-On Spinner 55', price: 17900, stock: 14,
    description: 'A 55 cm hard-shell cabin case on four spinner wheels.',
    attributes: { colors: ['#34506e', '#2b2b2d'], material: 'polycarbonate' },
  }),
];

const CLOTHING: DemoProduct[] = [
  garment('blazer', {
    id: 'navy-wool-blazer', name: 'Navy Wool Blazer', price: 24900, stock: 11,
    description: 'A single-breasted two-button blazer in navy wool.',
    attributes: { colors: ['#2d3a4f', '#1c1c1c'], sizes: ['S', 'M', 'L', 'XL'], material: 'wool' },
  }),
  garment('shirt', {
    id: 'oxford-shirt-sky', name: 'Oxford Shirt Sky Blue', price: 5900, stock: 60,
    description: 'A button-down shirt in soft sky-blue cotton oxford.',
    attributes: {
      colors: ['#a9c4de', '#f4f1ea'],
      colorOptions: [{ name: 'Sky blue', hex: '#a9c4de' }, { name: 'White', hex: '#f4f1ea' }, { name: 'Pale pink', hex: '#e8c4c8' }],
      sizes: ALPHA,
      material: 'cotton',
    },
  }),
  garment('jeans', {
    id: 'straight-jeans-indigo', name: 'Straight Jeans Indigo', price: 8900, stock: 38,
    description: 'Straight-leg jeans in 13 oz indigo denim with copper stitching.',
    attributes: { colors: ['#2e4a72', '#c88a3a'], sizes: ['28', '30', '32', '34', '36'], material: 'cotton denim' },
  }),
  garment('dress', {
    id: 'poppy-midi-dress', name: 'Poppy Midi Dress', price: 9900, stock: 16,
    description: 'A poppy-red midi dress with thin straps and a flared skirt.',
    attributes: { colors: ['#b5473a', '#7a2a22'], sizes: ALPHA.slice(0, 4), material: 'viscose' },
  }),
  shoe('sneaker', {
    id: 'court-sneaker-navy', name: 'Court Sneaker Navy', price: 9900, stock: 24,
    description: 'A low-top suede sneaker on a white rubber cupsole.',
    attributes: {
      colors: ['#2d3a4f', '#f2f0eb'],
      colorOptions: [{ name: 'Navy', hex: '#2d3a4f' }, { name: 'Chalk', hex: '#f2f0eb' }, { name: 'Forest green', hex: '#2f4a3a' }],
      sizes: ['39', '40', '41', '42', '43', '44', '45'],
      material: 'suede, rubber',
    },
  }),
  shoe('boot', {
    id: 'chelsea-boot-cognac', name: 'Chelsea Boot Cognac', price: 17900, stock: 5,
    description: 'A cognac leather Chelsea boot with elastic gussets and a stacked heel.',
    attributes: { colors: ['#8a5530', '#2a2420'], sizes: ['40', '41', '42', '43', '44', '45'], material: 'leather' },
  }),
  hat({
    id: 'six-panel-cap-navy', name: 'Six-Panel Cap Navy', price: 2900, stock: 50,
    description: 'A six-panel baseball cap in navy cotton twill with an adjustable strap.',
    attributes: { hatStyle: 'cap', colors: ['#1f3b5a'], headCircumferenceCm: 58, sizes: ['One size'], material: 'cotton twill' },
  }),
  hat({
    id: 'felt-fedora-taupe', name: 'Felt Fedora Taupe', price: 7900, stock: 13,
    description: 'A pinched-crown fedora in taupe wool felt with a dark grosgrain band.',
    attributes: { hatStyle: 'fedora', colors: ['#8a7358', '#2a2420'], headCircumferenceCm: 58, sizes: ['S', 'M', 'L'], material: 'wool felt' },
  }),
  hat({
    id: 'ribbed-beanie-burgundy', name: 'Ribbed Beanie Burgundy', price: 2400, stock: 33,
    description: 'A rib-knit merino beanie in burgundy with a cream pompom and a turn-up cuff.',
    attributes: {
      hatStyle: 'beanie',
      colors: ['#7a2a2a', '#e8dcc8'],
      colorOptions: [{ name: 'Burgundy', hex: '#7a2a2a' }, { name: 'Cream', hex: '#e8dcc8' }, { name: 'Charcoal', hex: '#3c3c40' }],
      headCircumferenceCm: 57,
      sizes: ['One size'],
      material: 'merino wool',
    },
  }),
];

const HOME: DemoProduct[] = [
  home('mug', {
    id: 'stoneware-mug-teal', name: 'Stoneware Mug Teal', price: 1800, stock: 60,
    description: 'A 350 ml glazed stoneware mug; dishwasher safe.',
    attributes: { colors: ['#2f6f8f'], material: 'stoneware' },
  }),
  home('vase', {
    id: 'terracotta-vase', name: 'Terracotta Bud Vase', price: 4500, stock: 19,
    description: 'A hand-thrown terracotta vase, 30 cm tall.',
    attributes: { colors: ['#c2603e'], material: 'terracotta' },
  }),
  home('bottle', {
    id: 'insulated-bottle-750', name: 'Insulated Bottle 750 ml', price: 3200, stock: 44,
    description: 'A double-walled steel bottle with a loop cap, for cold or hot drinks.',
    attributes: { colors: ['#3f6b4f', '#2a2a2a'], material: 'stainless steel' },
  }),
  home('bowl', {
    id: 'serving-bowl-sand', name: 'Serving Bowl Sand', price: 3900, stock: 21,
    description: 'A wide 28 cm serving bowl in a sand-coloured matte glaze.',
    attributes: { colors: ['#c9b48f'], material: 'stoneware' },
  }),
  home('plant', {
    id: 'potted-snake-plant', name: 'Potted Snake Plant', price: 2900, stock: 17,
    description: 'An easy-care snake plant in a 17 cm terracotta pot.',
    attributes: { colors: ['#b8623e', '#3f7a3a'], material: 'terracotta, live plant' },
  }),
  home('lamp', {
    id: 'gourd-table-lamp', name: 'Gourd Table Lamp', price: 8900, stock: 7,
    description: 'A ceramic gourd lamp with a linen drum shade, 52 cm tall.',
    attributes: { colors: ['#5b7a8c', '#efe6d2'], material: 'ceramic, linen' },
  }),
  home('chair', {
    id: 'oak-dining-chair', name: 'Oak Dining Chair', price: 14900, stock: 8,
    description: 'A solid oak ladder-back chair with an upholstered slate seat.',
    attributes: { colors: ['#8a5a35', '#3b4a5a'], material: 'oak, wool' },
  }),
  home('cushion', {
    id: 'mustard-linen-cushion', name: 'Mustard Linen Cushion', price: 3400, stock: 27,
    description: 'A 45 x 45 cm linen cushion with a contrast stripe, feather filled.',
    attributes: { colors: ['#c9a64a', '#f2ede2'], material: 'linen' },
  }),
];

export const DEMO_PRODUCTS: DemoProduct[] = [...SUNGLASSES, ...OPTICAL, ...WRISTWEAR, ...BAGS, ...CLOTHING, ...HOME];
