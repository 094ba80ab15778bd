package org.invigil.web.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.primefaces.context.PrimeFacesContext;

/**
 * The script nonce of the Faces answer being rendered (PrimeFaces' CSP). PrimeFaces' own script puts it into every
 * form so that a post-back proves it comes from the page Invigil rendered; a screen without PrimeFaces components
 * (the student's report) has no such script, so its forms carry it themselves:
 * {@code <input type="hidden" name="primefaces.nonce" value="#{screenNonce.value}"/>}.
 */
@Named
@ApplicationScoped
public class ScreenNonce {

    public String getValue() {
        return PrimeFacesContext.getCspState(FacesContext.getCurrentInstance()).getNonce();
    }
}
