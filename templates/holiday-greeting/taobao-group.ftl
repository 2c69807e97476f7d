各位亲，${facts.holiday}将至，${shop.name}祝大家${facts.greeting}！@${customer.id} 感谢您一路相伴～
