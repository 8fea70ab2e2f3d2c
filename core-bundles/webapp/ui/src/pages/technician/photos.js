// Photos go up as the image itself with its own Content-Type (the API checks it against the bytes), not as JSON.
import { api } from '../../api.js';

export async function uploadPhoto(workOrderId, file, caption) {
  const query = caption ? `?caption=${encodeURIComponent(caption)}` : '';
  return api.upload(`/work-orders/${workOrderId}/photos${query}`, file, file.type || 'image/jpeg');
}
