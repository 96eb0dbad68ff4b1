/**
 * The route table: one line per page. Pages other than the shop grid are lazy chunks, so
 * the merchant console, discovery, try-on and live pages cost nothing until opened.
 */
import { type ComponentType, lazy } from 'react';
import ShopPage from '../shop/ShopPage.js';

export interface RouteDef {
  path: string;
  page: ComponentType;
}

export const routes: RouteDef[] = [
  { path: '/', page: ShopPage },
  { path: '/p/:id', page: lazy(() => import('../shop/ProductPage.js')) },
  { path: '/checkout', page: lazy(() => import('../shop/CheckoutPage.js')) },
  { path: '/orders', page: lazy(() => import('../shop/OrdersPage.js')) },
  { path: '/orders/:id', page: lazy(() => import('../shop/OrderPage.js')) },
  { path: '/merchant', page: lazy(() => import('../merchant/MerchantPage.js')) },
  { path: '/discover', page: lazy(() => import('../discover/DiscoverPage.js')) },
  { path: '/try-on/:productId', page: lazy(() => import('../tryon/TryOnPage.js')) },
  { path: '/live', page: lazy(() => import('../live/LiveHome.js')) },
  { path: '/live/:id', page: lazy(() => import('../live/ViewerPage.js')) },
  { path: '/live/:id/host', page: lazy(() => import('../live/HostPage.js')) },
  { path: '/live/:id/replay', page: lazy(() => import('../live/ReplayPage.js')) },
];
